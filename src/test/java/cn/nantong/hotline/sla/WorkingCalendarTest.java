package cn.nantong.hotline.sla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static cn.nantong.hotline.sla.Shanghai.at;
import static cn.nantong.hotline.sla.Shanghai.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.standard();

    private String plus(String start, Duration workingTime) {
        return local(calendar.addWorkingTime(at(start), workingTime));
    }

    @Test
    void aWorkingDayIsSevenAndAHalfHoursOfTheDefaultHours() {
        assertEquals(Duration.ofMinutes(450), calendar.workingDayLength());
        assertEquals(Duration.ofMinutes(5 * 450), calendar.workingDays(5));
        assertThrows(IllegalArgumentException.class, () -> calendar.workingDays(-1));
    }

    @Test
    void fiveWorkingDaysAcrossNationalDay2026CountTheWorkedSaturdayOctober10() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 10, 10)), "调休 Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 10, 7)));
        // Tue 29 Sep 10:00: 6 h that day, then 30 Sep, [1–7 Oct off], 8, 9, Sat 10, Mon 12 Oct until 10:00.
        assertEquals("2026-10-12T10:00", plus("2026-09-29T10:00", calendar.workingDays(5)));
        // The 调休 Sunday before it is worked too.
        assertEquals("2026-09-20T10:00", plus("2026-09-18T17:00", Duration.ofHours(2)));
    }

    @Test
    void aFridayAfternoonDeadlineSkipsTheWeekend() {
        assertEquals("2025-03-17T15:00", plus("2025-03-14T15:00", calendar.workingDays(1)));
        assertEquals("2025-03-17T09:45", plus("2025-03-14T16:45", Duration.ofHours(2)));
    }

    @Test
    void twoWorkingHoursFrom1645EndNextMorning() {
        assertEquals("2025-03-12T09:45", plus("2025-03-11T16:45", Duration.ofHours(2)));
    }

    @Test
    void aStartOutsideWorkingHoursCountsFromTheNextPeriod() {
        assertEquals("2025-03-12T10:30", plus("2025-03-11T22:00", Duration.ofHours(2)), "at night");
        assertEquals("2025-03-11T10:30", plus("2025-03-11T06:00", Duration.ofHours(2)), "early morning");
        assertEquals("2025-03-11T15:30", plus("2025-03-11T12:15", Duration.ofHours(2)), "during lunch");
        assertEquals("2025-03-11T15:30", plus("2025-03-11T12:00", Duration.ofHours(2)), "at noon");
        assertEquals("2025-03-17T10:30", plus("2025-03-15T11:00", Duration.ofHours(2)), "on a Saturday");
    }

    @Test
    void aBudgetThatRunsOutAtTheEndOfAPeriodEndsThere() {
        assertEquals("2025-03-11T12:00", plus("2025-03-11T10:00", Duration.ofHours(2)));
        assertEquals("2025-03-10T17:30", plus("2025-03-10T08:30", calendar.workingDays(1)));
        assertEquals("2025-03-11T17:30", plus("2025-03-10T17:30", calendar.workingDays(1)));
        assertEquals("2025-03-11T10:00", plus("2025-03-11T10:00", Duration.ZERO));
    }

    @Test
    void springFestival2025CountsTheWorkedSundayAndSaturday() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 1, 26)), "调休 Sunday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 1, 28)), "除夕");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 2, 4)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2025, 2, 8)), "调休 Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2025, 2, 9)));
        // Fri 24 Jan 10:00: Sun 26, Mon 27, [28 Jan–4 Feb off], 5, 6, Fri 7 Feb until 10:00.
        assertEquals("2025-02-07T10:00", plus("2025-01-24T10:00", calendar.workingDays(5)));
        assertEquals("2025-01-26T10:30", plus("2025-01-25T20:00", Duration.ofHours(2)));
        assertEquals("2025-01-26T17:00", plus("2025-01-24T17:00", calendar.workingDays(1)));
    }

    @Test
    void workingTimeBetweenCountsOnlyWorkingHoursOfWorkingDays() {
        assertEquals(Duration.ofMinutes(450), calendar.workingTimeBetween(at("2025-03-10T08:30"), at("2025-03-10T17:30")));
        assertEquals(Duration.ofMinutes(450), calendar.workingTimeBetween(at("2025-03-14T15:00"), at("2025-03-17T15:00")));
        assertEquals(Duration.ofMinutes(90), calendar.workingTimeBetween(at("2025-03-11T11:00"), at("2025-03-11T14:00")));
        assertEquals(Duration.ofMinutes(450),
                calendar.workingTimeBetween(at("2026-09-30T08:30"), at("2026-10-08T08:30")), "国庆 counts nothing");
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(at("2025-03-11T20:00"), at("2025-03-12T08:00")));
        assertEquals(Duration.ZERO, calendar.workingTimeBetween(at("2025-03-12T10:00"), at("2025-03-11T10:00")));
    }

    @Test
    void eachCoveredYearHas248WorkingDaysAsTheStatutory13HolidaysGive() {
        // 365 days − 104 weekend days − 13 statutory holidays = 248, for both 2025 and 2026.
        assertEquals(248, calendar.workingDaysBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)));
        assertEquals(248, calendar.workingDaysBetween(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 8)));
    }

    @Test
    void beyondTheCoveredYearsItFallsBackToMondayToFridayAndWarnsOncePerYear() {
        List<String> warnings = new ArrayList<>();
        WorkingCalendar warned = new WorkingCalendar(WorkdayCalendarFile.readBundled(), WorkingHours.standard(),
                Shanghai.ZONE, warnings::add);
        assertEquals(LocalDate.of(2026, 12, 31), warned.coveredUntil().orElseThrow());
        assertTrue(warned.isWorkingDay(LocalDate.of(2027, 10, 1)), "a Friday with no data is worked");
        assertFalse(warned.isWorkingDay(LocalDate.of(2027, 10, 2)));
        // Thu 31 Dec 2026 16:00: 1.5 h, then Fri 1 Jan 2027 (元旦 in fact, but unknown yet), 4, 5, 6, Thu 7 Jan.
        assertEquals("2027-01-07T16:00",
                local(warned.addWorkingTime(at("2026-12-31T16:00"), warned.workingDays(5))));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("2027"), warnings.get(0));
        warned.isWorkingDay(LocalDate.of(2028, 3, 1));
        assertEquals(2, warnings.size());
        assertTrue(warned.isWorkingDay(LocalDate.of(2026, 10, 10)));
        assertEquals(2, warnings.size(), "covered years never warn");
    }

    @Test
    void addingAndMeasuringAgreeOnRandomStartsAndBudgets() {
        Random random = new Random(12345);
        Instant from = at("2024-12-01T00:00");
        for (int i = 0; i < 20_000; i++) {
            Instant start = from.plusSeconds(random.nextInt(760 * 86_400));
            Duration budget = Duration.ofMinutes(1 + random.nextInt(20 * 450));
            Instant end = calendar.addWorkingTime(start, budget);
            assertEquals(budget, calendar.workingTimeBetween(start, end), () -> local(start) + " + " + budget);
            assertTrue(calendar.workingTimeBetween(start, end.minusSeconds(1)).compareTo(budget) < 0,
                    () -> "not the earliest instant: " + local(start) + " + " + budget + " = " + local(end));
        }
    }

    @Test
    void dayCountsMatchAPlainWalkOverTheDays() {
        Random random = new Random(7);
        for (int i = 0; i < 2_000; i++) {
            LocalDate a = LocalDate.of(2024, 11, 1).plusDays(random.nextInt(800));
            LocalDate b = a.plusDays(random.nextInt(120));
            long walked = a.datesUntil(b).filter(calendar::isWorkingDay).count();
            assertEquals(walked, calendar.workingDaysBetween(a, b), a + ".." + b);
            int n = 1 + random.nextInt(30);
            LocalDate d = a;
            for (int left = n; left > 0; ) {
                d = d.plusDays(1);
                if (calendar.isWorkingDay(d)) {
                    left--;
                }
            }
            assertEquals(d, calendar.nthWorkingDayAfter(a, n), n + " working days after " + a);
        }
    }

    @Test
    void workingHoursAreReadStrictly() {
        assertEquals("08:30-12:00,13:30-17:30", WorkingHours.parse(" 08:30-12:00 , 13:30-17:30 ").toString());
        assertEquals(Duration.ofHours(8), WorkingHours.parse("09:00-17:00").dayLength());
        assertThrows(IllegalArgumentException.class, () -> WorkingHours.parse(""));
        assertMessage("is not HH:mm-HH:mm", () -> WorkingHours.parse("08:30"));
        assertMessage("is not a time", () -> WorkingHours.parse("8h-12h"));
        assertMessage("ends before it starts", () -> WorkingHours.parse("12:00-08:30"));
        assertMessage("overlaps or precedes", () -> WorkingHours.parse("13:30-17:30,08:30-12:00"));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        String message = assertThrows(IllegalArgumentException.class, call).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
