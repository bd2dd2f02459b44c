package cn.nantong.hotline.sla;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The office periods of one working day (e.g. 08:30–12:00 and 13:30–17:30), the same on every working day. */
public final class WorkingHours {

    public static final String DEFAULT = "08:30-12:00,13:30-17:30";

    // Nanos of day, parallel arrays: the calendar asks these on every ticket of a scan, so no objects per call.
    private final long[] starts;
    private final long[] ends;
    private final long dayLength;
    private final String text;

    private WorkingHours(long[] starts, long[] ends, String text) {
        this.starts = starts;
        this.ends = ends;
        this.text = text;
        long sum = 0;
        for (int i = 0; i < starts.length; i++) {
            sum += ends[i] - starts[i];
        }
        this.dayLength = sum;
    }

    /** Reads {@code HH:mm-HH:mm[,HH:mm-HH:mm…]}, periods in order and not overlapping. */
    public static WorkingHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("working hours are empty; expected e.g. " + DEFAULT);
        }
        String[] parts = text.split(",");
        long[] starts = new long[parts.length];
        long[] ends = new long[parts.length];
        List<String> normalised = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String[] bounds = parts[i].strip().split("-");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("working period '" + parts[i].strip()
                        + "' is not HH:mm-HH:mm (working hours '" + text + "')");
            }
            LocalTime start = time(bounds[0], text);
            LocalTime end = time(bounds[1], text);
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("working period " + start + "-" + end + " ends before it starts");
            }
            if (i > 0 && start.toNanoOfDay() < ends[i - 1]) {
                throw new IllegalArgumentException("working period " + start + "-" + end
                        + " overlaps or precedes the one before it; list periods in order of the day");
            }
            starts[i] = start.toNanoOfDay();
            ends[i] = end.toNanoOfDay();
            normalised.add(start + "-" + end);
        }
        return new WorkingHours(starts, ends, String.join(",", normalised));
    }

    private static LocalTime time(String s, String whole) {
        try {
            return LocalTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + s.strip() + "' is not a time HH:mm (working hours '" + whole + "')");
        }
    }

    public static WorkingHours standard() {
        return parse(DEFAULT);
    }

    /** Working time in one whole working day: the unit behind "n working days". */
    public Duration dayLength() {
        return Duration.ofNanos(dayLength);
    }

    long dayLengthNanos() {
        return dayLength;
    }

    /** Working time from the start of the day up to {@code nanoOfDay}. */
    long workedBefore(long nanoOfDay) {
        long worked = 0;
        for (int i = 0; i < starts.length && nanoOfDay > starts[i]; i++) {
            worked += Math.min(nanoOfDay, ends[i]) - starts[i];
        }
        return worked;
    }

    /**
     * The earliest time of day by which {@code worked} (> 0, ≤ day length) working time has passed; a budget that
     * runs out exactly at 12:00 ends at 12:00, not at 13:30.
     */
    long timeWhenWorked(long worked) {
        long left = worked;
        for (int i = 0; i < starts.length; i++) {
            long length = ends[i] - starts[i];
            if (left <= length) {
                return starts[i] + left;
            }
            left -= length;
        }
        throw new IllegalArgumentException("more than one working day asked of a single day: " + Duration.ofNanos(worked));
    }

    @Override
    public String toString() {
        return text;
    }
}
