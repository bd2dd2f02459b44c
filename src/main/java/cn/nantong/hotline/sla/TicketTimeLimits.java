package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.Light;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TimeLimits;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;

/** Gives tickets their deadlines and lights from the working-day calendar and the configured limits. */
@ApplicationScoped
public class TicketTimeLimits implements TimeLimits {

    private final TimeLimitPolicy policy;
    private final WorkingCalendar calendar;

    public TicketTimeLimits(TimeLimitPolicy policy, WorkingCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    @Override
    public Instant acceptDue(Ticket ticket, Instant from) {
        return policy.acceptDeadline(from);
    }

    @Override
    public Instant replyDue(Ticket ticket, Instant from) {
        return replyLimit(ticket).deadlineFrom(from, calendar);
    }

    @Override
    public Instant extend(Instant due, int workingDays) {
        return calendar.addWorkingTime(due, calendar.workingDays(workingDays));
    }

    @Override
    public Duration remaining(Ticket ticket, Instant now, Instant due) {
        return replyLimit(ticket).elapsed(calendar, now, due);
    }

    @Override
    public Instant resume(Ticket ticket, Instant now, Duration remaining) {
        return replyLimit(ticket).after(calendar, now, remaining);
    }

    @Override
    public Duration workingDays(int n) {
        return calendar.workingDays(n);
    }

    @Override
    public String describeLeft(Ticket ticket, Duration left) {
        return replyLimit(ticket).describeLeft(left, calendar.workingDays(1));
    }

    @Override
    public Light light(Ticket ticket, boolean acceptance, Instant start, Instant due, Instant now) {
        return policy.light(acceptance ? policy.acceptLimit() : replyLimit(ticket), start, due, now);
    }

    private TimeLimit replyLimit(Ticket ticket) {
        return policy.replyLimit(ticket.type, ticket.category, ticket.urgent);
    }
}
