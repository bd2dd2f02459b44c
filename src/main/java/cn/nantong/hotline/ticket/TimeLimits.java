package cn.nantong.hotline.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * What the ticket needs from the working-day calendar: deadlines from a start, and pausing the clock.
 * Implemented over the sla package; tests can pass a simple calendar.
 */
public interface TimeLimits {

    /** When the department must have accepted (签收) a ticket dispatched at {@code from}. */
    Instant acceptDue(Ticket ticket, Instant from);

    /** When the department must have replied, for a handling round starting at {@code from}. */
    Instant replyDue(Ticket ticket, Instant from);

    /** A deadline moved by {@code workingDays} more working days (an approved extension). */
    Instant extend(Instant due, int workingDays);

    /** Working time left until {@code due}: what a pause keeps for later. */
    Duration remaining(Ticket ticket, Instant now, Instant due);

    /** The deadline when the clock resumes at {@code now} with {@code remaining} working time left. */
    Instant resume(Ticket ticket, Instant now, Duration remaining);

    /** {@code n} working days as working time, to add to a paused clock's remaining budget. */
    Duration workingDays(int n);

    /** Time left (from {@link #remaining}) in words, e.g. 2个工作日3小时, on the basis of the ticket's reply limit. */
    String describeLeft(Ticket ticket, Duration left);

    /**
     * The light of an obligation (accepting when {@code acceptance}, else replying) that started at
     * {@code start} and is due at {@code due}, seen at {@code now}.
     */
    Light light(Ticket ticket, boolean acceptance, Instant start, Instant due, Instant now);
}
