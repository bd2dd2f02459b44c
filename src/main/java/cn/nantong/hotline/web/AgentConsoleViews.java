package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.ticket.TicketType;
import cn.nantong.hotline.ticket.TicketViews;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The agent console's callback list (回访), shaped for its template: labels and times as the agent reads them. */
public final class AgentConsoleViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockProducer.CITY_ZONE);

    private AgentConsoleViews() {
    }

    /** The two tabs of the agent console; {@code callbacks} is how many replied tickets wait for a callback. */
    public record Tabs(boolean onCallbacks, long callbacks) {
    }

    public record Reply(String department, String role, String repliedAt, String outcome, String text) {
    }

    public record Card(long id, String number, String type, String receivedAt, String repliedAt, String callerPhone,
                       String callerName, String district, String address, String content, int round,
                       List<Reply> replies) {
    }

    /** One page of the list, with the neighbouring pages' numbers when they exist. */
    public record CallbackList(Tabs tabs, long total, List<Card> cards, Integer previous, Integer next, int page,
                               int pages) {

        static CallbackList of(TicketViews.Page<TicketViews.CallbackDue> due) {
            int pages = (int) Math.max(1, (due.total() + due.size() - 1) / due.size());
            return new CallbackList(new Tabs(true, due.total()), due.total(),
                    due.items().stream().map(AgentConsoleViews::card).toList(),
                    due.page() > 0 ? due.page() - 1 : null, due.page() + 1 < pages ? due.page() + 1 : null,
                    due.page() + 1, pages);
        }
    }

    private static Card card(TicketViews.CallbackDue d) {
        List<Reply> replies = d.replies().stream().map(r -> new Reply(r.departmentName(),
                "LEAD".equals(r.role()) ? "主办" : "协办", time(r.repliedAt()), outcome(r.outcome()), r.text())).toList();
        return new Card(d.id(), d.number(), TicketType.valueOf(d.type()).label(), time(d.receivedAt()),
                time(d.repliedAt()), d.callerPhone(), d.callerName(), d.district(), d.address(), d.content(), d.round(),
                replies);
    }

    private static String outcome(String outcome) {
        if (outcome == null) {
            return "";
        }
        return switch (outcome) {
            case "RESOLVED" -> "已解决";
            case "PARTIALLY_RESOLVED" -> "部分解决";
            case "UNRESOLVED_EXPLAINED" -> "未解决（已说明原因）";
            default -> outcome;
        };
    }

    private static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }
}
