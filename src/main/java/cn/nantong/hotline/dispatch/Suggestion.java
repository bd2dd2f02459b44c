package cn.nantong.hotline.dispatch;

import java.util.List;

/**
 * One suggested department for an intake.
 *
 * @param code    department code, e.g. {@code urban-management}
 * @param score   0..1: this department's share of all the evidence found, so 0.8 means the same in every call
 * @param reasons why, in Chinese for the agent, strongest first
 */
public record Suggestion(String code, double score, List<String> reasons) {

    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
