package cn.nantong.hotline.sla;

import org.jboss.logging.Logger;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Working days and working time: Monday–Friday except holidays, plus 调休 weekends, during the working hours,
 * read on the city's wall clock. Thread-safe and immutable apart from remembering which warnings it gave.
 */
public final class WorkingCalendar {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Logger LOG = Logger.getLogger(WorkingCalendar.class);

    private final ZoneId zone;
    private final WorkingHours hours;
    private final Map<LocalDate, SpecialDay> specialDays;
    private final Set<Integer> coveredYears;
    // Special days that change the weekday rule, in date order, with a running sum of their effect (+1 a worked
    // weekend, -1 a weekday off): counting working days over any span is then arithmetic plus two binary searches.
    private final long[] shiftDays;
    private final int[] shiftBefore;
    private final Consumer<String> warnings;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

    public WorkingCalendar(Collection<SpecialDay> specialDays, WorkingHours hours, ZoneId zone) {
        this(specialDays, hours, zone, LOG::warn);
    }

    /** {@code warnings} receives the once-per-year notice that a year has no holiday data. */
    public WorkingCalendar(Collection<SpecialDay> specialDays, WorkingHours hours, ZoneId zone, Consumer<String> warnings) {
        this.zone = zone;
        this.hours = hours;
        this.warnings = warnings;
        Map<LocalDate, SpecialDay> byDate = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        for (SpecialDay day : specialDays) {
            if (byDate.put(day.date(), day) != null) {
                throw new IllegalArgumentException(day.date() + " is listed twice in the calendar");
            }
            years.add(day.date().getYear());
        }
        this.specialDays = Map.copyOf(byDate);
        this.coveredYears = Set.copyOf(years);
        long[] days = byDate.values().stream()
                .filter(d -> d.isWorked() == isWeekend(d.date()))
                .mapToLong(d -> d.date().toEpochDay()).sorted().toArray();
        this.shiftDays = days;
        this.shiftBefore = new int[days.length + 1];
        for (int i = 0; i < days.length; i++) {
            boolean workedWeekend = isWeekend(LocalDate.ofEpochDay(days[i]));
            shiftBefore[i + 1] = shiftBefore[i] + (workedWeekend ? 1 : -1);
        }
    }

    /** The bundled PRC calendar, the default working hours, Asia/Shanghai. */
    public static WorkingCalendar standard() {
        return new WorkingCalendar(WorkdayCalendarFile.readBundled(), WorkingHours.standard(), CITY_ZONE);
    }

    public ZoneId zone() {
        return zone;
    }

    public WorkingHours workingHours() {
        return hours;
    }

    /** Last day for which holiday data exists; empty when there is none at all. Beyond it: plain Monday–Friday. */
    public Optional<LocalDate> coveredUntil() {
        return coveredYears.stream().max(Integer::compare).map(y -> LocalDate.of(y, 12, 31));
    }

    public boolean isCovered(int year) {
        return coveredYears.contains(year);
    }

    /** The holiday or 调休 entry for a date, if the notice names it. */
    public Optional<SpecialDay> specialDay(LocalDate date) {
        return Optional.ofNullable(specialDays.get(date));
    }

    /** Every date the calendar lists, in date order. */
    public List<SpecialDay> specialDays() {
        return specialDays.values().stream().sorted(Comparator.comparing(SpecialDay::date)).toList();
    }

    public boolean isWorkingDay(LocalDate date) {
        noteCoverage(date.getYear(), date.getYear());
        SpecialDay special = specialDays.get(date);
        return special != null ? special.isWorked() : !isWeekend(date);
    }

    /** Working time in one whole working day (7.5 h by default): the unit of "n working days". */
    public Duration workingDayLength() {
        return hours.dayLength();
    }

    /** n working days as a working-time budget, so day and hour limits are the same kind of thing. */
    public Duration workingDays(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + n);
        }
        return hours.dayLength().multipliedBy(n);
    }

    /** Number of working days in [{@code from}, {@code toExclusive}); zero when the range is empty. */
    public long workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        if (!toExclusive.isAfter(from)) {
            return 0;
        }
        noteCoverage(from.getYear(), toExclusive.minusDays(1).getYear());
        long a = from.toEpochDay();
        long b = toExclusive.toEpochDay();
        return weekdaysBefore(b) - weekdaysBefore(a) + shiftBefore(b) - shiftBefore(a);
    }

    /**
     * The instant at which {@code workingTime} of working time has passed after {@code start}. A start outside
     * working hours counts from the next working period; a budget that runs out at the end of a period ends
     * there (17:30), not at the start of the next one.
     */
    public Instant addWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("working time must not be negative: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        LocalDateTime local = LocalDateTime.ofInstant(start, zone);
        LocalDate day = local.toLocalDate();
        long left = workingTime.toNanos();
        if (isWorkingDay(day)) {
            long workedBefore = hours.workedBefore(local.toLocalTime().toNanoOfDay());
            long restOfDay = hours.dayLengthNanos() - workedBefore;
            if (left <= restOfDay) {
                return at(day, hours.timeWhenWorked(workedBefore + left));
            }
            left -= restOfDay;
        }
        long dayLength = hours.dayLengthNanos();
        long wholeDays = (left - 1) / dayLength;
        long onLastDay = left - wholeDays * dayLength;
        return at(nthWorkingDayAfter(day, wholeDays + 1), hours.timeWhenWorked(onLastDay));
    }

    /** Working time elapsed in [{@code from}, {@code to}); zero when {@code to} is not after {@code from}. */
    public Duration workingTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDateTime a = LocalDateTime.ofInstant(from, zone);
        LocalDateTime b = LocalDateTime.ofInstant(to, zone);
        long fromTime = hours.workedBefore(a.toLocalTime().toNanoOfDay());
        long toTime = hours.workedBefore(b.toLocalTime().toNanoOfDay());
        if (a.toLocalDate().equals(b.toLocalDate())) {
            return Duration.ofNanos(isWorkingDay(a.toLocalDate()) ? toTime - fromTime : 0);
        }
        long total = 0;
        if (isWorkingDay(a.toLocalDate())) {
            total += hours.dayLengthNanos() - fromTime;
        }
        total += workingDaysBetween(a.toLocalDate().plusDays(1), b.toLocalDate()) * hours.dayLengthNanos();
        if (isWorkingDay(b.toLocalDate())) {
            total += toTime;
        }
        return Duration.ofNanos(total);
    }

    /** The n-th working day after {@code day} (n ≥ 1), found by bisection on the day count, not a walk. */
    LocalDate nthWorkingDayAfter(LocalDate day, long n) {
        LocalDate first = day.plusDays(1);
        long low = 0;
        long high = n + n / 2 + 14;
        while (workingDaysBetween(first, first.plusDays(high)) < n) {
            low = high;
            high *= 2;
        }
        // Invariant: fewer than n working days in the first `low` days after `day`, at least n in the first `high`.
        while (high - low > 1) {
            long mid = (low + high) >>> 1;
            if (workingDaysBetween(first, first.plusDays(mid)) >= n) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return day.plusDays(high);
    }

    private Instant at(LocalDate day, long nanoOfDay) {
        return LocalDateTime.of(day, LocalTime.ofNanoOfDay(nanoOfDay)).atZone(zone).toInstant();
    }

    private int shiftBefore(long epochDay) {
        int i = Arrays.binarySearch(shiftDays, epochDay);
        return shiftBefore[i >= 0 ? i : -i - 1];
    }

    /** Monday–Friday dates before the given epoch day, counted from the Monday 1969-12-29 (any fixed Monday works). */
    private static long weekdaysBefore(long epochDay) {
        long sinceMonday = epochDay + 3;
        return Math.floorDiv(sinceMonday, 7) * 5 + Math.min(Math.floorMod(sinceMonday, 7), 5);
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private void noteCoverage(int fromYear, int toYear) {
        for (int year = fromYear; year <= toYear; year++) {
            if (!coveredYears.contains(year) && warnedYears.add(year)) {
                warnings.accept("No holiday data for " + year + " (calendar covers "
                        + coveredUntil().map(d -> "up to " + d).orElse("no year") + "): counting "
                        + year + " as plain Monday–Friday. Add the State Council's " + year
                        + " notice to the calendar file.");
            }
        }
    }
}
