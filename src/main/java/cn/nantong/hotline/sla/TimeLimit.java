package cn.nantong.hotline.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit: an amount of working time (counted through the calendar) or of calendar time (counted on the
 * clock, holidays and nights included, as for urgent 求助). Working days are stored as working time, so a limit
 * keeps its length even if the working hours are later reconfigured.
 */
public record TimeLimit(Basis basis, Duration amount) {

    private static final Pattern TEXT = Pattern.compile(
            "(\\d+)\\s+(working|calendar)\\s+(day|days|hour|hours|minute|minutes)");

    /** How the limit's time is counted. */
    public enum Basis {
        /** Only working hours of working days count. */
        WORKING,
        /** Every hour counts. */
        CALENDAR
    }

    public TimeLimit {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("a time limit must be positive: " + amount);
        }
    }

    public static TimeLimit working(Duration workingTime) {
        return new TimeLimit(Basis.WORKING, workingTime);
    }

    public static TimeLimit calendar(Duration calendarTime) {
        return new TimeLimit(Basis.CALENDAR, calendarTime);
    }

    /**
     * Reads the configuration form: {@code "5 working days"}, {@code "2 working hours"}, {@code "24 calendar
     * hours"}, {@code "3 calendar days"}, {@code "30 working minutes"}.
     */
    public static TimeLimit parse(String text, WorkingCalendar calendar) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("time limit '" + text
                    + "' is not '<n> working|calendar days|hours|minutes', e.g. '5 working days' or '24 calendar hours'");
        }
        int n = Integer.parseInt(m.group(1));
        boolean working = m.group(2).equals("working");
        Duration amount = switch (m.group(3)) {
            case "day", "days" -> working ? calendar.workingDays(n) : Duration.ofDays(n);
            case "hour", "hours" -> Duration.ofHours(n);
            default -> Duration.ofMinutes(n);
        };
        return new TimeLimit(working ? Basis.WORKING : Basis.CALENDAR, amount);
    }

    public boolean isWorkingTime() {
        return basis == Basis.WORKING;
    }

    /** The deadline for an obligation started at {@code start} with no pause. */
    public Instant deadlineFrom(Instant start, WorkingCalendar calendar) {
        return after(calendar, start, amount);
    }

    /**
     * {@code start} moved on by {@code time} counted on this limit's basis: what a paused clock's remaining time
     * becomes when it resumes.
     */
    public Instant after(WorkingCalendar calendar, Instant start, Duration time) {
        return basis == Basis.WORKING ? calendar.addWorkingTime(start, time) : start.plus(time);
    }

    /** Time counted on this limit's basis in [{@code from}, {@code to}); never negative. */
    public Duration elapsed(WorkingCalendar calendar, Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return basis == Basis.WORKING ? calendar.workingTimeBetween(from, to) : Duration.between(from, to);
    }

    /**
     * Time still left on this limit's basis as a department reads it: 2个工作日3小时, 5个工作小时, 40分钟; at
     * least a minute, since a deadline not yet passed still leaves something.
     */
    public String describeLeft(Duration left, Duration workingDayLength) {
        long minutes = Math.max(1, left.toMinutes());
        long hours = minutes / 60;
        if (hours == 0) {
            return minutes + "分钟";
        }
        if (basis == Basis.CALENDAR) {
            return hours + "小时";
        }
        long dayMinutes = workingDayLength.toMinutes();
        long days = minutes / dayMinutes;
        long restHours = minutes % dayMinutes / 60;
        if (days == 0) {
            return hours + "个工作小时";
        }
        return days + "个工作日" + (restHours == 0 ? "" : restHours + "小时");
    }

    /** The limit as a coordinator says it, e.g. 5个工作日, 2个工作小时, 24小时. */
    public String describe(Duration workingDayLength) {
        if (basis == Basis.CALENDAR) {
            return amount.toMinutesPart() == 0 && amount.toSecondsPart() == 0
                    ? amount.toHours() + "小时" : amount.toMinutes() + "分钟";
        }
        if (amount.toNanos() % workingDayLength.toNanos() == 0) {
            return amount.toNanos() / workingDayLength.toNanos() + "个工作日";
        }
        return amount.toMinutesPart() == 0 && amount.toSecondsPart() == 0
                ? amount.toHours() + "个工作小时" : amount.toMinutes() + "个工作分钟";
    }
}
