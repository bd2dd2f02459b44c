package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;
import cn.nantong.hotline.ticket.Light;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which time limit applies to a ticket, and the clocks that run against it: accept (签收) within 2 working hours,
 * reply (答复) within a limit that depends on the ticket type, its category and its urgency.
 */
public final class TimeLimitPolicy {

    /** Default yellow share: the light turns yellow once 75 % of the limit is used. */
    public static final double DEFAULT_YELLOW_AT = 0.75;

    private final WorkingCalendar calendar;
    private final TimeLimit accept;
    private final Map<TicketType, TimeLimit> reply;
    private final Map<TicketType, TimeLimit> urgentReply;
    private final Map<String, TimeLimit> categoryReply;
    private final double yellowAt;

    private TimeLimitPolicy(Builder b) {
        this.calendar = b.calendar;
        this.accept = b.accept;
        this.reply = Map.copyOf(b.reply);
        this.urgentReply = Map.copyOf(b.urgentReply);
        this.categoryReply = Map.copyOf(b.categoryReply);
        this.yellowAt = b.yellowAt;
        for (TicketType type : TicketType.values()) {
            if (!reply.containsKey(type)) {
                throw new IllegalArgumentException("no reply limit for " + type);
            }
        }
        if (!(yellowAt > 0 && yellowAt <= 1)) {
            throw new IllegalArgumentException("yellow share must be in (0, 1], e.g. 0.75: " + yellowAt);
        }
    }

    /** A builder preset with the hotline's standard limits, which callers may then change. */
    public static Builder builder(WorkingCalendar calendar) {
        return new Builder(calendar);
    }

    /** The standard limits: 2 working hours to accept; reply 1/5/5/10/15 working days, urgent 求助 24 hours. */
    public static TimeLimitPolicy defaults(WorkingCalendar calendar) {
        return builder(calendar).build();
    }

    public WorkingCalendar calendar() {
        return calendar;
    }

    public double yellowAt() {
        return yellowAt;
    }

    /** Time a department has to accept (签收) a dispatched ticket. */
    public TimeLimit acceptLimit() {
        return accept;
    }

    /**
     * Time a department has to reply. Urgency wins where the type has an urgent limit (urgent 求助: 24 calendar
     * hours), because an emergency must not wait for a slower category limit; then the category's limit; then
     * the type's.
     *
     * @param category the ticket's category as configured, or null
     */
    public TimeLimit replyLimit(TicketType type, String category, boolean urgent) {
        Objects.requireNonNull(type, "type");
        if (urgent && urgentReply.containsKey(type)) {
            return urgentReply.get(type);
        }
        TimeLimit byCategory = category == null ? null : categoryReply.get(category.strip());
        if (byCategory != null) {
            return byCategory;
        }
        return reply.get(type);
    }

    /** The urgent limit configured for a type, if any. */
    public Optional<TimeLimit> urgentReplyLimit(TicketType type) {
        return Optional.ofNullable(urgentReply.get(type));
    }

    public Instant acceptDeadline(Instant dispatchedAt) {
        return accept.deadlineFrom(dispatchedAt, calendar);
    }

    public Instant replyDeadline(TicketType type, String category, boolean urgent, Instant startedAt) {
        return replyLimit(type, category, urgent).deadlineFrom(startedAt, calendar);
    }

    /** The 签收 clock, running from dispatch. */
    public SlaClock startAccept(Instant dispatchedAt) {
        return SlaClock.start(calendar, accept, dispatchedAt, yellowAt);
    }

    /** The 答复 clock, running from {@code startedAt} (the ticket's rule decides: dispatch or acceptance). */
    public SlaClock startReply(TicketType type, String category, boolean urgent, Instant startedAt) {
        return SlaClock.start(calendar, replyLimit(type, category, urgent), startedAt, yellowAt);
    }

    /**
     * A clock rebuilt from what the ticket stored: the limit as it was when the clock started (a later change of
     * policy does not move existing deadlines), pauses, an open pause or null, extension days.
     */
    public SlaClock restore(TimeLimit limit, Instant startedAt, List<SlaClock.Pause> pauses, Instant pausedSince,
                            int extendedWorkingDays) {
        return SlaClock.restore(calendar, limit, startedAt, pauses, pausedSince, extendedWorkingDays, yellowAt);
    }

    /**
     * The light of an obligation known only by its start and due instants (a stored row rather than a
     * {@link SlaClock}): red after {@code due}, yellow once the yellow share of [start, due) is used. Time spent
     * paused inside [start, due) counts as used here; a {@link SlaClock} leaves it out.
     */
    public Light light(TimeLimit limit, Instant start, Instant due, Instant now) {
        if (now.isAfter(due)) {
            return Light.RED;
        }
        Duration yellow = SlaClock.share(limit.elapsed(calendar, start, due), yellowAt);
        return limit.elapsed(calendar, start, now).compareTo(yellow) >= 0 ? Light.YELLOW : Light.GREEN;
    }

    /** The limit as words for the UI, e.g. 5个工作日. */
    public String describe(TimeLimit limit) {
        return limit.describe(calendar.workingDayLength());
    }

    /** Collects the limits; starts from the standard ones. */
    public static final class Builder {
        private final WorkingCalendar calendar;
        private TimeLimit accept;
        private final Map<TicketType, TimeLimit> reply = new EnumMap<>(TicketType.class);
        private final Map<TicketType, TimeLimit> urgentReply = new EnumMap<>(TicketType.class);
        private final Map<String, TimeLimit> categoryReply = new HashMap<>();
        private double yellowAt = DEFAULT_YELLOW_AT;

        private Builder(WorkingCalendar calendar) {
            this.calendar = Objects.requireNonNull(calendar, "calendar");
            accept = TimeLimit.working(Duration.ofHours(2));
            reply.put(TicketType.INQUIRY, workingDays(1));
            reply.put(TicketType.COMPLAINT, workingDays(5));
            reply.put(TicketType.HELP, workingDays(5));
            reply.put(TicketType.REPORT, workingDays(10));
            reply.put(TicketType.SUGGESTION, workingDays(15));
            urgentReply.put(TicketType.HELP, TimeLimit.calendar(Duration.ofHours(24)));
        }

        private TimeLimit workingDays(int n) {
            return TimeLimit.working(calendar.workingDays(n));
        }

        public Builder accept(TimeLimit limit) {
            accept = Objects.requireNonNull(limit);
            return this;
        }

        public Builder reply(TicketType type, TimeLimit limit) {
            reply.put(type, Objects.requireNonNull(limit));
            return this;
        }

        /** An urgent limit for the type; {@code null} removes it, so urgent tickets of that type get the normal one. */
        public Builder urgentReply(TicketType type, TimeLimit limit) {
            if (limit == null) {
                urgentReply.remove(type);
            } else {
                urgentReply.put(type, limit);
            }
            return this;
        }

        public Builder categoryReply(String category, TimeLimit limit) {
            if (category == null || category.isBlank()) {
                throw new IllegalArgumentException("category name is empty");
            }
            categoryReply.put(category.strip(), Objects.requireNonNull(limit));
            return this;
        }

        public Builder yellowAt(double share) {
            yellowAt = share;
            return this;
        }

        public TimeLimitPolicy build() {
            return new TimeLimitPolicy(this);
        }
    }
}
