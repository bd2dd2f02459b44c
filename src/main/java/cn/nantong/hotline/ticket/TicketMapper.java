package cn.nantong.hotline.ticket;

import cn.nantong.hotline.directory.Directory;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Turns tickets into API views, with lights computed for this moment. */
@ApplicationScoped
public class TicketMapper {

    private final TicketService tickets;
    private final Directory directory;
    private final Clock clock;
    private final TimeLimits limits;

    TicketMapper(TicketService tickets, Directory directory, Clock clock, TimeLimits limits) {
        this.tickets = tickets;
        this.directory = directory;
        this.clock = clock;
        this.limits = limits;
    }

    /** The ticket as {@code viewer} may see it: the caller's number masked, or hidden (see {@link CallerDisplay}). */
    public TicketViews.TicketView view(Ticket t, List<TicketEvent> timeline, Access viewer) {
        CallerDisplay caller = CallerDisplay.of(t, viewer);
        Instant now = clock.instant();
        TicketLifecycle lifecycle = tickets.lifecycle();
        Assignment lead = t.activeAssignments().stream().filter(Assignment::isLead).findFirst().orElse(null);
        List<TicketViews.AssignmentView> assignments = t.assignments.stream().map(a -> new TicketViews.AssignmentView(
                a.id == null ? 0 : a.id, a.department, name(a.department), a.role.name(), a.status.name(), a.round,
                a.dispatchedAt, a.acceptDueAt, a.acceptedAt, a.replyDueAt, a.repliedAt, a.replyText,
                a.outcome == null ? null : a.outcome.name(), a.returnReason, a.extensionDays, a.extensionRequestedDays,
                a.extensionReason, a.status == AssignmentStatus.AWAITING_CALLER,
                a.round == t.round && a.status.isActive() ? lifecycle.light(t, a, now).name() : null)).toList();
        List<TicketViews.Event> events = timeline == null ? null : timeline.stream().map(e -> new TicketViews.Event(
                e.at, e.actor, e.action, e.fromStatus == null ? null : e.fromStatus.name(), e.toStatus.name(),
                e.department, e.note)).toList();
        return new TicketViews.TicketView(t.id, t.number, t.status.name(), t.type.name(), t.channel.name(),
                caller.phone(), caller.revealable(), caller.name(), t.confidential, t.district, t.address, t.content, t.category, t.urgent,
                t.receivedAt, List.copyOf(t.answeredWith), t.round, t.unsatisfiedCallbacks, t.handledBy,
                lifecycle.light(t, now).name(),
                lead == null ? null : new TicketViews.Deadlines(lead.acceptDueAt, lead.replyDueAt),
                t.repeatOf == null ? null : new TicketViews.RepeatView(t.repeatOf, t.clusterId,
                        t.repeatScore == null ? 0 : t.repeatScore, t.repeatReasons == null ? List.of() : t.repeatReasons),
                t.clusterId, t.problemKind, t.suggestedDepartments == null ? List.of() : t.suggestedDepartments,
                assignments, TicketLifecycle.allowedActions(t), events);
    }

    public TicketViews.TicketSummary summary(Ticket t) {
        Instant now = clock.instant();
        Assignment lead = t.activeAssignments().stream().filter(Assignment::isLead).findFirst().orElse(null);
        return new TicketViews.TicketSummary(t.id, t.number, t.status.name(), t.type.name(), t.district, t.category,
                t.contentPreview(), t.receivedAt, lead == null ? null : lead.department,
                tickets.lifecycle().light(t, now).name(), lead == null ? null : lead.replyDueAt);
    }

    /** The current round's replies, lead first; the ticket is REPLIED, so every active part has one. */
    public TicketViews.CallbackDue callbackDue(Ticket t, Access viewer) {
        CallerDisplay caller = CallerDisplay.of(t, viewer);
        List<Assignment> replied = t.activeAssignments().stream()
                .sorted(Comparator.comparing((Assignment a) -> !a.isLead()).thenComparing(a -> a.id)).toList();
        List<TicketViews.CallbackReply> replies = replied.stream().map(a -> new TicketViews.CallbackReply(
                name(a.department), a.role.name(), a.repliedAt, a.replyText,
                a.outcome == null ? null : a.outcome.name())).toList();
        Instant repliedAt = replied.stream().map(a -> a.repliedAt).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        return new TicketViews.CallbackDue(t.id, t.number, t.type.name(), t.district, t.address, t.content,
                caller.phone(), caller.revealable(), caller.name(), t.receivedAt, repliedAt, t.round, replies);
    }

    /** A department's latest part of a ticket as its inbox lists it. */
    public TicketViews.InboxRow inboxRow(Assignment a) {
        Ticket t = a.ticket;
        Instant now = clock.instant();
        boolean open = a.status == AssignmentStatus.DISPATCHED || a.status == AssignmentStatus.ACCEPTED;
        boolean paused = a.status == AssignmentStatus.AWAITING_CALLER;
        boolean overdue = open && !now.isBefore(a.replyDueAt);
        String timeLeft = null;
        if (paused) {
            timeLeft = limits.describeLeft(t, Duration.ofSeconds(a.pausedRemainingSeconds));
        } else if (open && !overdue) {
            timeLeft = limits.describeLeft(t, limits.remaining(t, now, a.replyDueAt));
        }
        return new TicketViews.InboxRow(t.id, t.number, t.type.label(), t.contentPreview(), t.district,
                a.role.name(), a.status.name(), open || paused ? tickets.lifecycle().light(t, a, now).name() : null,
                timeLeft, overdue, paused, t.receivedAt, a.dispatchedAt);
    }

    private String name(String code) {
        return directory.department(code).map(Directory.DepartmentView::name).orElse(code);
    }
}
