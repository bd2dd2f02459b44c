package cn.nantong.hotline.ticket;

import java.util.List;

/** A department the routing model proposed at intake (智能派单), best first, with why. */
public record SuggestedDepartment(String code, double score, List<String> reasons) {
}
