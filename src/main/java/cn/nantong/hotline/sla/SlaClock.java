package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.Light;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The state of one time-limited obligation (签收 or 答复 of a ticket): when it started, its limit, the pauses
 * while waiting for the caller (待补充) and the approved extensions (延期). Immutable: every change returns a new
 * clock. The deadline and the yellow instant are worked out once on construction, so a scan over many open
 * tickets only compares instants.
 */
public final class SlaClock {

    /** A closed pause: the clock stood still in [from, to). */
    public record Pause(Instant from, Instant to) {
        public Pause {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException("pause resumes at " + to + " before it began at " + from);
            }
        }
    }

    private final WorkingCalendar calendar;
    private final TimeLimit limit;
    private final Instant startedAt;
    private final List<Pause> pauses;
    private final Instant pausedSince;
    private final int extendedWorkingDays;
    private final double yellowAt;
    private final Duration budget;
    private final Instant deadline;
    private final Instant yellowFrom;

    private SlaClock(WorkingCalendar calendar, TimeLimit limit, Instant startedAt, List<Pause> pauses,
                     Instant pausedSince, int extendedWorkingDays, double yellowAt) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.pauses = List.copyOf(pauses);
        this.pausedSince = pausedSince;
        this.extendedWorkingDays = extendedWorkingDays;
        this.yellowAt = yellowAt;
        if (!(yellowAt > 0 && yellowAt <= 1)) {
            throw new IllegalArgumentException("yellow share must be in (0, 1], e.g. 0.75: " + yellowAt);
        }
        if (extendedWorkingDays < 0) {
            throw new IllegalArgumentException("extension must not be negative: " + extendedWorkingDays);
        }
        if (extendedWorkingDays > 0 && !limit.isWorkingTime()) {
            throw new IllegalStateException(cannotExtend());
        }
        Instant notBefore = startedAt;
        for (Pause p : this.pauses) {
            if (p.from().isBefore(notBefore)) {
                throw new IllegalArgumentException("pause at " + p.from() + " is before " + notBefore
                        + " (the start or the previous resume); pauses must be in order and not overlap");
            }
            notBefore = p.to();
        }
        if (pausedSince != null && pausedSince.isBefore(notBefore)) {
            throw new IllegalArgumentException("pause at " + pausedSince + " is before " + notBefore
                    + " (the start or the previous resume)");
        }
        this.budget = limit.amount().plus(calendar.workingDays(extendedWorkingDays));
        this.deadline = instantWhenUsed(budget);
        this.yellowFrom = instantWhenUsed(share(budget, yellowAt));
    }

    /** A clock that starts running at {@code startedAt}. */
    public static SlaClock start(WorkingCalendar calendar, TimeLimit limit, Instant startedAt, double yellowAt) {
        return new SlaClock(calendar, limit, startedAt, List.of(), null, 0, yellowAt);
    }

    /**
     * A clock rebuilt from stored state. {@code pausedSince} is null unless the clock is paused now; the pauses
     * must be in order, after the start, not overlapping.
     */
    public static SlaClock restore(WorkingCalendar calendar, TimeLimit limit, Instant startedAt, List<Pause> pauses,
                                   Instant pausedSince, int extendedWorkingDays, double yellowAt) {
        return new SlaClock(calendar, limit, startedAt, pauses, pausedSince, extendedWorkingDays, yellowAt);
    }

    /** Stops the clock while waiting for the caller (待补充). */
    public SlaClock pause(Instant at) {
        if (pausedSince != null) {
            throw new IllegalStateException("the clock is already paused since " + pausedSince + "; resume it first");
        }
        return new SlaClock(calendar, limit, startedAt, pauses, at, extendedWorkingDays, yellowAt);
    }

    /** Restarts the clock once the caller's information has arrived. */
    public SlaClock resume(Instant at) {
        if (pausedSince == null) {
            throw new IllegalStateException("cannot resume: the clock is not paused");
        }
        if (at.isBefore(pausedSince)) {
            throw new IllegalArgumentException("resume at " + at + " is before the pause at " + pausedSince);
        }
        List<Pause> more = new ArrayList<>(pauses);
        more.add(new Pause(pausedSince, at));
        return new SlaClock(calendar, limit, startedAt, more, null, extendedWorkingDays, yellowAt);
    }

    /** Adds an approved extension (延期) of {@code workingDays} working days. */
    public SlaClock extend(int workingDays) {
        if (workingDays < 1) {
            throw new IllegalArgumentException("an extension is at least one working day: " + workingDays);
        }
        if (!limit.isWorkingTime()) {
            throw new IllegalStateException(cannotExtend());
        }
        return new SlaClock(calendar, limit, startedAt, pauses, pausedSince, extendedWorkingDays + workingDays, yellowAt);
    }

    /**
     * When the obligation falls due. Empty while the clock is paused before reaching it: a stopped clock has no
     * deadline until it resumes.
     */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(deadline);
    }

    /** When the light turns yellow; empty while paused before that point. */
    public Optional<Instant> yellowFrom() {
        return Optional.ofNullable(yellowFrom);
    }

    /** Time used by {@code now}, on the limit's basis, pauses left out. */
    public Duration used(Instant now) {
        Duration used = limit.elapsed(calendar, startedAt, now);
        for (Pause p : pauses) {
            used = used.minus(limit.elapsed(calendar, p.from(), min(p.to(), now)));
        }
        if (pausedSince != null) {
            used = used.minus(limit.elapsed(calendar, pausedSince, now));
        }
        return used;
    }

    /** Time left by {@code now}; negative once overdue in working (or calendar) time. */
    public Duration remaining(Instant now) {
        return budget.minus(used(now));
    }

    /** Share of the budget used: 0 at the start, 1 at the deadline, above 1 when overdue. */
    public double usedFraction(Instant now) {
        return (double) used(now).toNanos() / budget.toNanos();
    }

    public Light light(Instant now) {
        if (isOverdue(now)) {
            return Light.RED;
        }
        return yellowFrom != null && !now.isBefore(yellowFrom) ? Light.YELLOW : Light.GREEN;
    }

    /** Overdue once {@code now} is after the deadline, even outside working hours (17:31 after a 17:30 deadline). */
    public boolean isOverdue(Instant now) {
        return deadline != null && now.isAfter(deadline);
    }

    /** Clock time since the deadline; zero when not overdue. */
    public Duration overdueBy(Instant now) {
        return isOverdue(now) ? Duration.between(deadline, now) : Duration.ZERO;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public TimeLimit limit() {
        return limit;
    }

    /** The limit plus extensions: what {@link #usedFraction} divides by. */
    public Duration budget() {
        return budget;
    }

    public List<Pause> pauses() {
        return pauses;
    }

    public Optional<Instant> pausedSince() {
        return Optional.ofNullable(pausedSince);
    }

    public boolean isPaused() {
        return pausedSince != null;
    }

    public int extendedWorkingDays() {
        return extendedWorkingDays;
    }

    /** The first instant by which {@code amount} has been used, or null if a pause stops the clock short of it. */
    private Instant instantWhenUsed(Duration amount) {
        Instant cursor = startedAt;
        Duration left = amount;
        for (Pause p : pauses) {
            Instant reached = limit.after(calendar, cursor, left);
            if (!reached.isAfter(p.from())) {
                return reached;
            }
            left = left.minus(limit.elapsed(calendar, cursor, p.from()));
            cursor = p.to();
        }
        Instant reached = limit.after(calendar, cursor, left);
        return pausedSince != null && reached.isAfter(pausedSince) ? null : reached;
    }

    // Exact decimal, so a yellow share of 0.75 of 2 working hours turns yellow at 90 minutes, not a nanosecond off.
    static Duration share(Duration budget, double fraction) {
        return Duration.ofNanos(BigDecimal.valueOf(fraction).multiply(BigDecimal.valueOf(budget.toNanos()))
                .setScale(0, RoundingMode.CEILING).longValueExact());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private String cannotExtend() {
        return "a calendar-time limit (" + limit.amount().toHours() + " hours, urgent) cannot be extended by working days;"
                + " handle the ticket as non-urgent to give it a working-day limit";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SlaClock c && calendar == c.calendar && limit.equals(c.limit) && startedAt.equals(c.startedAt)
                && pauses.equals(c.pauses) && Objects.equals(pausedSince, c.pausedSince)
                && extendedWorkingDays == c.extendedWorkingDays && yellowAt == c.yellowAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, startedAt, pauses, pausedSince, extendedWorkingDays, yellowAt);
    }

    @Override
    public String toString() {
        return "SlaClock[" + limit.basis() + " " + budget + " from " + startedAt + ", deadline "
                + (deadline == null ? "paused" : deadline) + (pausedSince == null ? "" : ", paused since " + pausedSince) + "]";
    }
}
