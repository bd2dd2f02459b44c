package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.Light;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TimeLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Gives tickets their deadlines and lights from the working-day calendar and the limits in force at the call,
 * so an administrator's change applies to the next deadline set.
 */
@ApplicationScoped
public class TicketTimeLimits implements TimeLimits {

    private final Supplier<TimeLimitPolicy> policies;

    @Inject
    TicketTimeLimits(SlaSettings settings) {
        this(() -> settings.rules().effective());
    }

    public TicketTimeLimits(Supplier<TimeLimitPolicy> policies) {
        this.policies = policies;
    }

    @Override
    public Instant acceptDue(Ticket ticket, Instant from) {
        return policies.get().acceptDeadline(from);
    }

    @Override
    public Instant replyDue(Ticket ticket, Instant from) {
        TimeLimitPolicy policy = policies.get();
        return replyLimit(policy, ticket).deadlineFrom(from, policy.calendar());
    }

    @Override
    public Instant extend(Instant due, int workingDays) {
        WorkingCalendar calendar = policies.get().calendar();
        return calendar.addWorkingTime(due, calendar.workingDays(workingDays));
    }

    @Override
    public Duration remaining(Ticket ticket, Instant now, Instant due) {
        TimeLimitPolicy policy = policies.get();
        return replyLimit(policy, ticket).elapsed(policy.calendar(), now, due);
    }

    @Override
    public Instant resume(Ticket ticket, Instant now, Duration remaining) {
        TimeLimitPolicy policy = policies.get();
        return replyLimit(policy, ticket).after(policy.calendar(), now, remaining);
    }

    @Override
    public Duration workingDays(int n) {
        return policies.get().calendar().workingDays(n);
    }

    @Override
    public String describeLeft(Ticket ticket, Duration left) {
        TimeLimitPolicy policy = policies.get();
        return replyLimit(policy, ticket).describeLeft(left, policy.calendar().workingDays(1));
    }

    @Override
    public Light light(Ticket ticket, boolean acceptance, Instant start, Instant due, Instant now) {
        TimeLimitPolicy policy = policies.get();
        return policy.light(acceptance ? policy.acceptLimit() : replyLimit(policy, ticket), start, due, now);
    }

    private static TimeLimit replyLimit(TimeLimitPolicy policy, Ticket ticket) {
        return policy.replyLimit(ticket.type, ticket.category, ticket.urgent);
    }
}
