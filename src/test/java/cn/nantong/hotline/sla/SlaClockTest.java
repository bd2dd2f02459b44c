package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;
import cn.nantong.hotline.ticket.Light;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static cn.nantong.hotline.sla.Shanghai.at;
import static cn.nantong.hotline.sla.Shanghai.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaClockTest {

    private final WorkingCalendar calendar = WorkingCalendar.standard();
    private final TimeLimitPolicy policy = TimeLimitPolicy.defaults(calendar);

    private SlaClock complaint(String start) {
        return policy.startReply(TicketType.COMPLAINT, null, false, at(start));
    }

    private static String deadline(SlaClock clock) {
        return local(clock.deadline().orElseThrow());
    }

    @Test
    void yellowAtExactly75PercentRedOneMinuteAfterTheDeadline() {
        SlaClock accept = policy.startAccept(at("2025-03-10T08:30"));
        assertEquals("2025-03-10T10:30", deadline(accept));
        assertEquals("2025-03-10T10:00", local(accept.yellowFrom().orElseThrow()));
        assertEquals(Light.GREEN, accept.light(at("2025-03-10T09:59:59")));
        assertEquals(0.75, accept.usedFraction(at("2025-03-10T10:00")));
        assertEquals(Light.YELLOW, accept.light(at("2025-03-10T10:00")));
        assertEquals(Light.YELLOW, accept.light(at("2025-03-10T10:30")));
        assertEquals(Duration.ZERO, accept.overdueBy(at("2025-03-10T10:30")));
        assertEquals(Light.RED, accept.light(at("2025-03-10T10:31")));
        assertEquals(Duration.ofMinutes(1), accept.overdueBy(at("2025-03-10T10:31")));
    }

    @Test
    void redOneMinuteAfterAFiveDayDeadlineAcrossNationalDay() {
        SlaClock clock = complaint("2026-09-29T10:00");
        assertEquals("2026-10-12T10:00", deadline(clock));
        assertEquals(Light.YELLOW, clock.light(at("2026-10-12T10:00")));
        assertEquals(Light.RED, clock.light(at("2026-10-12T10:01")));
        assertEquals(Duration.ofMinutes(1), clock.overdueBy(at("2026-10-12T10:01")));
        assertEquals(Light.GREEN, clock.light(at("2026-10-07T23:00")), "国庆 uses none of the limit");
    }

    @Test
    void aDeadlineAtCloseOfBusinessIsOverdueThatEvening() {
        SlaClock clock = policy.startReply(TicketType.INQUIRY, null, false, at("2025-03-10T08:30"));
        assertEquals("2025-03-10T17:30", deadline(clock));
        assertEquals(Light.RED, clock.light(at("2025-03-10T20:00")));
        assertEquals(Duration.ofMinutes(150), clock.overdueBy(at("2025-03-10T20:00")));
        assertEquals(1.0, clock.usedFraction(at("2025-03-10T20:00")), "no working time passes in the evening");
        assertTrue(clock.usedFraction(at("2025-03-11T08:30:01")) > 1.0);
        assertEquals(Duration.ofMinutes(-90), clock.remaining(at("2025-03-11T10:00")));
    }

    @Test
    void aPauseAcrossNationalDayResumesWithTheTimeLeftWhenItStopped() {
        SlaClock running = complaint("2026-09-29T08:30");
        assertEquals("2026-10-10T17:30", deadline(running), "unpaused: 29, 30 Sep, 8, 9, Sat 10 Oct");
        SlaClock paused = running.pause(at("2026-09-30T10:00"));
        assertTrue(paused.isPaused());
        assertTrue(paused.deadline().isEmpty(), "a stopped clock has no deadline");
        assertEquals(Duration.ofHours(9), paused.used(at("2026-10-05T12:00")), "7.5 h on 29 Sep + 1.5 h on 30 Sep");
        assertEquals(Light.GREEN, paused.light(at("2026-10-20T12:00")), "frozen while waiting for the caller");
        SlaClock resumed = paused.resume(at("2026-10-08T10:00"));
        // 28.5 h left from Thu 8 Oct 10:00: 6 h, Fri 9, Sat 10 (调休), all of Mon 12 Oct.
        assertEquals("2026-10-12T17:30", deadline(resumed));
        assertEquals(List.of(new SlaClock.Pause(at("2026-09-30T10:00"), at("2026-10-08T10:00"))), resumed.pauses());
        SlaClock overHolidayOnly = running.pause(at("2026-09-30T17:30")).resume(at("2026-10-08T08:30"));
        assertEquals("2026-10-10T17:30", deadline(overHolidayOnly), "a pause over days off costs no working time");
    }

    @Test
    void severalPausesEachStopTheClock() {
        SlaClock clock = policy.startAccept(at("2025-03-10T08:30"))
                .pause(at("2025-03-10T09:00")).resume(at("2025-03-10T09:30"))
                .pause(at("2025-03-10T10:00")).resume(at("2025-03-10T14:00"));
        // 60 min used before 14:00, 60 min left from 14:00; yellow at 90 min used.
        assertEquals("2025-03-10T15:00", deadline(clock));
        assertEquals("2025-03-10T14:30", local(clock.yellowFrom().orElseThrow()));
        assertEquals(Duration.ofMinutes(60), clock.used(at("2025-03-10T13:00")));
        assertEquals(Duration.ofMinutes(45), clock.used(at("2025-03-10T09:45")), "08:30–09:00 and 09:30–09:45");
    }

    @Test
    void pausingDoesNotUndoYellowOrRed() {
        SlaClock accept = policy.startAccept(at("2025-03-10T08:30"));
        SlaClock pausedYellow = accept.pause(at("2025-03-10T10:15"));
        assertEquals(Light.YELLOW, pausedYellow.light(at("2025-03-12T10:00")));
        SlaClock pausedLate = accept.pause(at("2025-03-10T11:00"));
        assertEquals("2025-03-10T10:30", deadline(pausedLate));
        assertEquals(Light.RED, pausedLate.light(at("2025-03-10T11:30")));
        assertEquals(Duration.ofMinutes(60), pausedLate.overdueBy(at("2025-03-10T11:30")));
    }

    @Test
    void anExtensionAddsWorkingDays() {
        SlaClock clock = complaint("2025-03-10T09:00");
        assertEquals("2025-03-17T09:00", deadline(clock));
        assertEquals(Light.RED, clock.light(at("2025-03-17T10:00")));
        SlaClock extended = clock.extend(3);
        assertEquals("2025-03-20T09:00", deadline(extended));
        assertEquals(Light.GREEN, extended.light(at("2025-03-17T10:00")), "38.5 h of 60 h used");
        assertEquals(Light.YELLOW, extended.light(at("2025-03-18T10:00")), "46 h of 60 h used");
        SlaClock twice = extended.extend(2);
        assertEquals("2025-03-24T09:00", deadline(twice));
        assertEquals(5, twice.extendedWorkingDays());
        assertEquals(calendar.workingDays(10), twice.budget());
        assertEquals("5个工作日", policy.describe(twice.limit()), "the limit itself stays as granted");
    }

    @Test
    void urgentHelpRunsOnCalendarHoursAndIsNotExtended() {
        SlaClock urgent = policy.startReply(TicketType.HELP, null, true, at("2026-09-30T20:00"));
        assertEquals("2026-10-01T20:00", deadline(urgent));
        assertEquals("2026-10-01T14:00", local(urgent.yellowFrom().orElseThrow()), "18 of 24 hours");
        SlaClock paused = urgent.pause(at("2026-10-01T08:00")).resume(at("2026-10-01T10:00"));
        assertEquals("2026-10-01T22:00", deadline(paused));
        String message = assertThrows(IllegalStateException.class, () -> urgent.extend(1)).getMessage();
        assertTrue(message.contains("cannot be extended by working days"), message);
    }

    @Test
    void beforeItStartsAClockIsGreenAndUnused() {
        SlaClock clock = complaint("2025-03-10T09:00");
        assertEquals(0.0, clock.usedFraction(at("2025-03-09T09:00")));
        assertEquals(Light.GREEN, clock.light(at("2025-03-09T09:00")));
    }

    @Test
    void misuseIsRefusedWithAReason() {
        SlaClock clock = complaint("2025-03-10T09:00");
        assertMessage(IllegalStateException.class, "not paused", () -> clock.resume(at("2025-03-10T10:00")));
        SlaClock paused = clock.pause(at("2025-03-10T10:00"));
        assertMessage(IllegalStateException.class, "already paused", () -> paused.pause(at("2025-03-10T11:00")));
        assertMessage(IllegalArgumentException.class, "before the pause", () -> paused.resume(at("2025-03-10T09:30")));
        assertMessage(IllegalArgumentException.class, "before", () -> clock.pause(at("2025-03-10T08:00")));
        SlaClock resumed = paused.resume(at("2025-03-10T11:00"));
        assertMessage(IllegalArgumentException.class, "previous resume", () -> resumed.pause(at("2025-03-10T10:30")));
        assertMessage(IllegalArgumentException.class, "at least one working day", () -> clock.extend(0));
        assertMessage(IllegalArgumentException.class, "not overlap", () -> policy.restore(clock.limit(), clock.startedAt(),
                List.of(new SlaClock.Pause(at("2025-03-10T10:00"), at("2025-03-10T12:00")),
                        new SlaClock.Pause(at("2025-03-10T11:00"), at("2025-03-10T13:00"))), null, 0));
        assertMessage(IllegalArgumentException.class, "resumes at", () -> new SlaClock.Pause(at("2025-03-10T10:00"), at("2025-03-10T09:00")));
        assertMessage(IllegalArgumentException.class, "yellow share",
                () -> SlaClock.start(calendar, clock.limit(), clock.startedAt(), 0));
    }

    @Test
    void aStoredClockRestoresToTheSameState() {
        SlaClock live = complaint("2025-03-10T09:00").pause(at("2025-03-11T10:00")).resume(at("2025-03-12T10:00"))
                .extend(2).pause(at("2025-03-13T09:00"));
        SlaClock restored = policy.restore(live.limit(), live.startedAt(), live.pauses(),
                live.pausedSince().orElse(null), live.extendedWorkingDays());
        assertEquals(live, restored);
        assertEquals(live.used(at("2025-03-20T09:00")), restored.used(at("2025-03-20T09:00")));
        assertFalse(restored.deadline().isPresent());
    }

    private static void assertMessage(Class<? extends RuntimeException> type, String expected, Executable call) {
        String message = assertThrows(type, call).getMessage();
        assertTrue(message.contains(expected), message);
    }
}
