package cn.nantong.hotline.supervision;

import java.time.Instant;
import java.util.List;

/** What the supervision API returns. */
public final class CaseViews {

    private CaseViews() {
    }

    public record ClusterView(long id, int reportCount, int callerCount, Instant firstAt, Instant lastAt,
                              boolean reportedAfterHandled, String place, String problemKind) {
    }

    public record LinkedTicket(long id, String number, String status, String type, String district, Instant receivedAt,
                               String contentPreview) {
    }

    public record Event(Instant at, String actor, String action, String department, String note) {
    }

    public record Notice(String text, Instant issuedAt) {
    }

    public record CaseView(long id, String status, List<String> triggers, List<String> reasons, String district,
                           String summary, Instant openedAt, String lead, String leadName, List<String> co,
                           Instant deadline, boolean overdue, Notice notice, ClusterView cluster,
                           List<LinkedTicket> tickets, List<String> allowedActions, List<Event> timeline) {
    }

    public record FlagView(long id, long ticketId, String ticketNumber, String department, String departmentName,
                           Instant flaggedAt, boolean nearCopy, boolean vague, List<String> reasons, String replyText,
                           List<CopiedView> copies, String status, String decidedBy, Instant decidedAt,
                           String decisionNote) {
    }

    /** An earlier reply the flagged one copies, shown beside it. */
    public record CopiedView(long ticketId, String ticketNumber, double similarity, String replyText) {
    }
}
