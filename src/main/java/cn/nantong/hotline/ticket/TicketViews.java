package cn.nantong.hotline.ticket;

import java.time.Instant;
import java.util.List;

/** What the ticket API returns. */
public final class TicketViews {

    private TicketViews() {
    }

    /** Time limits of the ticket's current round: the lead department's, which the caller is promised. */
    public record Deadlines(Instant acceptBy, Instant replyBy) {
    }

    public record AssignmentView(long id, String department, String departmentName, String role, String status,
                                 int round, Instant dispatchedAt, Instant acceptDueAt, Instant acceptedAt,
                                 Instant replyDueAt, Instant repliedAt, String replyText, String outcome,
                                 String returnReason, int extensionDays, Integer extensionRequestedDays,
                                 String extensionReason, boolean paused, String light) {
    }

    /** What repeat detection decided at intake: the earlier ticket this one repeats, and why. */
    public record RepeatView(long of, Long clusterId, double score, List<String> reasons) {
    }

    public record Event(Instant at, String actor, String action, String fromStatus, String toStatus,
                        String department, String note) {
    }

    /**
     * A ticket with its caller as {@link CallerDisplay} allows: {@code callerPhone} is masked (or a note), never the
     * full number, which only {@code POST /api/tickets/{id}/reveal-phone} answers.
     */
    public record TicketView(long id, String number, String status, String type, String channel, String callerPhone,
                             boolean callerPhoneRevealable, String callerName, boolean confidential, String district, String address, String content,
                             String category, boolean urgent, Instant receivedAt, List<String> answeredWith,
                             int round, int unsatisfiedCallbacks, String handledBy, String light, Deadlines deadlines,
                             RepeatView repeat, Long clusterId, String problemKind,
                             List<SuggestedDepartment> suggestedDepartments,
                             List<AssignmentView> assignments, List<String> allowedActions, List<Event> timeline) {
    }

    /** One row of a list: enough to triage without opening the ticket. */
    public record TicketSummary(long id, String number, String status, String type, String district,
                                String category, String contentPreview, Instant receivedAt, String leadDepartment,
                                String light, Instant replyDueAt) {
    }

    /**
     * One row of a department's inbox, seen through that department's own part: its light and the working time it
     * has left to reply ({@code timeLeft} null once overdue, replied or returned; frozen while {@code paused}).
     */
    public record InboxRow(long id, String number, String type, String contentPreview, String district, String role,
                           String status, String light, String timeLeft, boolean overdue, boolean paused,
                           Instant receivedAt, Instant dispatchedAt) {
    }

    /** The answer of a reveal: the full number, for the one person who asked, audited. */
    public record RevealedPhone(long ticketId, String number, String callerPhone) {
    }

    /** A department's reply as the agent reads it out on the callback. */
    public record CallbackReply(String departmentName, String role, Instant repliedAt, String text, String outcome) {
    }

    /**
     * A replied ticket waiting for the caller's verdict (回访): what they asked, what the departments answered,
     * and the number masked as {@link CallerDisplay} allows.
     */
    public record CallbackDue(long id, String number, String type, String district, String address, String content,
                              String callerPhone, boolean callerPhoneRevealable, String callerName,
                              Instant receivedAt, Instant repliedAt, int round, List<CallbackReply> replies) {
    }

    public record Page<T>(long total, int page, int size, List<T> items) {
    }
}
