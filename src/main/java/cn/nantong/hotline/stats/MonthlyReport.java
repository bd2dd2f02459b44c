package cn.nantong.hotline.stats;

import cn.nantong.hotline.stats.ReportTable.Column;
import cn.nantong.hotline.stats.ReportTable.Kind;
import cn.nantong.hotline.ticket.PhoneNumbers;

import java.util.Arrays;
import java.util.List;

/** The tables of the monthly report (月报): department figures and the red-light list, as exported. */
public final class MonthlyReport {

    private MonthlyReport() {
    }

    public static ReportTable departments(List<DepartmentStats> figures) {
        List<Column> columns = List.of(text("承办单位"), count("派单数"), rate("响应率"), rate("解决率"), rate("满意率"),
                rate("按时签收率"), rate("按时答复率"), rate("退单率"), rate("重办率"), rate("重复件率"), count("当前红灯"),
                count("督办件"), count("模板化答复"));
        List<List<Object>> rows = figures.stream().map(d -> Arrays.<Object>asList(d.departmentName(), d.dispatched(),
                d.responseRate(), d.resolutionRate(), d.satisfactionRate(), d.acceptedOnTimeRate(), d.repliedOnTimeRate(),
                d.returnedRate(), d.reopenedRate(), d.repeatRate(), d.currentlyRed(), d.supervisionCases(),
                d.flaggedReplies())).toList();
        return new ReportTable("承办单位指标", columns, rows);
    }

    /** The complaint's opening words go out with its mobile numbers masked: a report file travels far. */
    public static ReportTable redLights(List<RedLights.RedTicket> red) {
        List<Column> columns = List.of(text("工单编号"), text("承办单位"), text("主办/协办"), text("区县"), text("诉求摘要"),
                time("派单时间"), time("答复期限"), time("亮红灯时间"));
        List<List<Object>> rows = red.stream().map(r -> Arrays.<Object>asList(r.number(), r.departmentName(),
                r.lead() ? "主办" : "协办", r.district(), PhoneNumbers.maskWithin(r.contentPreview()), r.dispatchedAt(),
                r.replyDueAt(), r.redSince())).toList();
        return new ReportTable("红灯工单", columns, rows);
    }

    private static Column text(String heading) {
        return new Column(heading, Kind.TEXT);
    }

    private static Column count(String heading) {
        return new Column(heading, Kind.COUNT);
    }

    private static Column rate(String heading) {
        return new Column(heading, Kind.RATE);
    }

    private static Column time(String heading) {
        return new Column(heading, Kind.TIME);
    }
}
