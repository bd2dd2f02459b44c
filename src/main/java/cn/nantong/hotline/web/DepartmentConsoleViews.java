package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.ticket.AssignmentStatus;
import cn.nantong.hotline.ticket.InboxTab;
import cn.nantong.hotline.ticket.TicketStatus;
import cn.nantong.hotline.ticket.TicketViews;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the department console shows, shaped for its template, and the Chinese words it uses for codes. */
public final class DepartmentConsoleViews {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockProducer.CITY_ZONE);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ClockProducer.CITY_ZONE);

    private static final Map<String, String> PART_STATUS = Map.of("DISPATCHED", "待签收", "ACCEPTED", "办理中",
            "AWAITING_CALLER", "待补充", "REPLIED", "已答复", "RETURNED", "已退回");
    private static final Map<String, String> OUTCOMES = Map.of("RESOLVED", "已解决", "PARTIALLY_RESOLVED", "部分解决",
            "UNRESOLVED_EXPLAINED", "未解决（已说明原因）");
    private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("intake", "受理"),
            Map.entry("import", "导入"), Map.entry("dispatch", "派单"), Map.entry("accept", "签收"),
            Map.entry("return", "退单"), Map.entry("reply", "答复"), Map.entry("send-back", "退回重新答复"),
            Map.entry("await-caller", "要求补充"), Map.entry("caller-info", "来电人补充"),
            Map.entry("extension", "申请延期"), Map.entry("extension-approved", "同意延期"),
            Map.entry("extension-rejected", "不同意延期"), Map.entry("callback", "回访"));
    private static final Map<String, String> LIGHTS = Map.of("GREEN", "绿", "YELLOW", "黄", "RED", "红");

    private DepartmentConsoleViews() {
    }

    /** The whole page: the department's notices, its tabs and their rows, and the ticket opened, if any. */
    public record Desk(String departmentName, List<NoticeView> notices, List<TabView> tabs, String tabLabel,
                       List<RowView> rows, Paging paging, DetailView detail, String done) {
    }

    /** A 督办单 naming the department, with what it answered last. */
    public record NoticeView(long caseId, String summary, String text, String issuedAt, String deadline,
                             boolean overdue, String leadName, boolean lead, List<String> ticketNumbers,
                             String lastResponse) {
    }

    public record TabView(String param, String label, long count, boolean current) {
    }

    public record RowView(long id, String number, String type, String preview, String district, String role,
                          String light, String lightLabel, String timeLeft, String received, String href,
                          boolean open) {
    }

    public record Paging(int page, int pages, String previous, String next) {
    }

    /** The ticket as the department works it; the action flags say which forms to offer. */
    public record DetailView(long id, String number, String type, String status, String district, String address,
                             String content, String callerPhone, String received, String role, String partStatus,
                             String light, String lightLabel, String acceptBy, String replyBy,
                             String pendingExtension, List<String> actions, List<EventView> timeline,
                             List<ReplyView> replies) {

        public boolean can(String action) {
            return actions.contains(action);
        }
    }

    public record EventView(String at, String actor, String action, String department, String note) {
    }

    public record ReplyView(String department, int round, String repliedAt, String outcome, String text) {
    }

    static String time(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    static String ticketStatus(String code) {
        return TicketStatus.valueOf(code).label();
    }

    static String partStatus(String code) {
        return PART_STATUS.getOrDefault(code, code);
    }

    static String outcome(String code) {
        return code == null ? "" : OUTCOMES.getOrDefault(code, code);
    }

    static String action(String code) {
        return ACTIONS.getOrDefault(code, code);
    }

    static String light(String code) {
        return code == null ? "" : LIGHTS.getOrDefault(code, code);
    }

    static String role(String code) {
        return "LEAD".equals(code) ? "主办" : "协办";
    }

    /** The department's latest part of the ticket: the one its inbox lists and its actions apply to. */
    static Optional<TicketViews.AssignmentView> ownPart(List<TicketViews.AssignmentView> parts, String department) {
        return parts.stream().filter(a -> a.department().equals(department))
                .max(Comparator.comparing(TicketViews.AssignmentView::dispatchedAt)
                        .thenComparingLong(TicketViews.AssignmentView::id));
    }

    /**
     * What the department may do with its part now. The ticket's own allowed actions are checked too, so a form
     * is never offered that the API would refuse for the ticket's state.
     */
    static List<String> actions(TicketViews.AssignmentView own, List<String> ticketAllows) {
        List<String> byPart = switch (AssignmentStatus.valueOf(own.status())) {
            case DISPATCHED -> List.of("accept", "return");
            case ACCEPTED -> own.extensionRequestedDays() == null
                    ? List.of("reply", "await-caller", "extension", "return")
                    : List.of("reply", "await-caller", "return");
            case AWAITING_CALLER, REPLIED, RETURNED -> List.of();
        };
        return byPart.stream().filter(ticketAllows::contains).toList();
    }

    /** The part's light while it still runs against a time limit; a replied part has none left to show. */
    static String partLight(TicketViews.AssignmentView own) {
        return switch (AssignmentStatus.valueOf(own.status())) {
            case DISPATCHED, ACCEPTED, AWAITING_CALLER -> own.light();
            case REPLIED, RETURNED -> null;
        };
    }

    /** The tab that lists a part in this state. */
    static InboxTab tabOf(TicketViews.AssignmentView own) {
        return InboxTab.of(AssignmentStatus.valueOf(own.status()));
    }
}
