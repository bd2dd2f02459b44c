package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;
import cn.nantong.hotline.ticket.Light;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static cn.nantong.hotline.sla.Shanghai.at;
import static cn.nantong.hotline.sla.Shanghai.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TimeLimitPolicyTest {

    private final WorkingCalendar calendar = WorkingCalendar.standard();
    private final TimeLimitPolicy policy = TimeLimitPolicy.defaults(calendar);

    private String reply(TicketType type, boolean urgent, String start) {
        return local(policy.replyDeadline(type, null, urgent, at(start)));
    }

    @Test
    void theStandardLimits() {
        assertEquals("2个工作小时", policy.describe(policy.acceptLimit()));
        assertEquals("1个工作日", policy.describe(policy.replyLimit(TicketType.INQUIRY, null, false)));
        assertEquals("5个工作日", policy.describe(policy.replyLimit(TicketType.COMPLAINT, null, false)));
        assertEquals("5个工作日", policy.describe(policy.replyLimit(TicketType.HELP, null, false)));
        assertEquals("10个工作日", policy.describe(policy.replyLimit(TicketType.REPORT, null, false)));
        assertEquals("15个工作日", policy.describe(policy.replyLimit(TicketType.SUGGESTION, null, false)));
        assertEquals("24小时", policy.describe(policy.replyLimit(TicketType.HELP, null, true)));
        assertEquals(0.75, policy.yellowAt());
    }

    @Test
    void deadlinesFromAMondayMorning() {
        assertEquals("2025-03-10T11:00", local(policy.acceptDeadline(at("2025-03-10T09:00"))));
        assertEquals("2025-03-11T09:00", reply(TicketType.INQUIRY, false, "2025-03-10T09:00"));
        assertEquals("2025-03-17T09:00", reply(TicketType.COMPLAINT, false, "2025-03-10T09:00"));
        assertEquals("2025-03-24T09:00", reply(TicketType.REPORT, false, "2025-03-10T09:00"));
        assertEquals("2025-03-31T09:00", reply(TicketType.SUGGESTION, false, "2025-03-10T09:00"));
    }

    @Test
    void urgentHelpCounts24CalendarHoursThroughNightsAndHolidays() {
        assertEquals("2026-10-01T20:00", reply(TicketType.HELP, true, "2026-09-30T20:00"));
        // The same 求助 without urgency waits for the working days after 国庆: 8, 9, Sat 10, 12, 13 Oct.
        assertEquals("2026-10-13T17:30", reply(TicketType.HELP, false, "2026-09-30T20:00"));
        assertEquals(TimeLimit.Basis.CALENDAR, policy.replyLimit(TicketType.HELP, null, true).basis());
    }

    @Test
    void urgencyOnATypeWithoutAnUrgentLimitKeepsTheNormalOne() {
        assertEquals(policy.replyLimit(TicketType.COMPLAINT, null, false), policy.replyLimit(TicketType.COMPLAINT, null, true));
        assertTrue(policy.urgentReplyLimit(TicketType.COMPLAINT).isEmpty());
    }

    @Test
    void limitsAreConfigurablePerTypeCategoryAndUrgency() {
        TimeLimitPolicy custom = TimeLimitPolicy.builder(calendar)
                .reply(TicketType.COMPLAINT, TimeLimit.working(calendar.workingDays(3)))
                .categoryReply("燃气泄漏", TimeLimit.working(calendar.workingDays(1)))
                .urgentReply(TicketType.COMPLAINT, TimeLimit.working(Duration.ofHours(4)))
                .urgentReply(TicketType.HELP, null)
                .build();
        assertEquals("3个工作日", custom.describe(custom.replyLimit(TicketType.COMPLAINT, null, false)));
        assertEquals("1个工作日", custom.describe(custom.replyLimit(TicketType.HELP, "燃气泄漏", false)));
        assertEquals("1个工作日", custom.describe(custom.replyLimit(TicketType.HELP, " 燃气泄漏 ", true)), "no urgent help limit");
        assertEquals("4个工作小时", custom.describe(custom.replyLimit(TicketType.COMPLAINT, "燃气泄漏", true)), "urgency wins");
        assertEquals("5个工作日", custom.describe(custom.replyLimit(TicketType.HELP, "其他", false)));
    }

    @Test
    void clocksFromThePolicyCarryItsLimitAndYellowShare() {
        TimeLimitPolicy early = TimeLimitPolicy.builder(calendar).yellowAt(0.5).build();
        SlaClock clock = early.startReply(TicketType.INQUIRY, null, false, at("2025-03-10T08:30"));
        assertEquals("2025-03-10T17:30", local(clock.deadline().orElseThrow()));
        assertEquals("2025-03-10T13:45", local(clock.yellowFrom().orElseThrow()), "3 h 45 min: 3.5 h before lunch, 15 min after");
        assertEquals(clock, early.restore(clock.limit(), clock.startedAt(), clock.pauses(), null, 0));
        assertThrows(IllegalArgumentException.class, () -> TimeLimitPolicy.builder(calendar).yellowAt(1.5).build());
    }

    @Test
    void aStoredStartAndDueGiveTheLightAndAPauseCanBeCarriedAsRemainingTime() {
        TimeLimit limit = policy.replyLimit(TicketType.COMPLAINT, null, false);
        var start = at("2025-03-10T09:00");
        var due = policy.replyDeadline(TicketType.COMPLAINT, null, false, start);
        assertEquals("2025-03-17T09:00", local(due));
        assertEquals(Light.GREEN, policy.light(limit, start, due, at("2025-03-13T09:00")), "22.5 h of 37.5 h");
        assertEquals(Light.YELLOW, policy.light(limit, start, due, at("2025-03-14T16:00")), "35.5 h of 37.5 h");
        assertEquals(Light.RED, policy.light(limit, start, due, at("2025-03-17T09:01")));
        // Paused Wed 10:00 with 21.5 working hours left, resumed Fri 10:00: two working days later.
        Duration left = limit.elapsed(calendar, at("2025-03-12T10:00"), due);
        assertEquals(Duration.ofMinutes(21 * 60 + 30), left);
        assertEquals("2025-03-19T09:00", local(limit.after(calendar, at("2025-03-14T10:00"), left)));
        TimeLimit urgent = policy.replyLimit(TicketType.HELP, null, true);
        assertEquals(Duration.ofHours(30), urgent.elapsed(calendar, at("2026-09-30T20:00"), at("2026-10-02T02:00")));
        assertEquals("2026-10-02T02:00", local(urgent.after(calendar, at("2026-09-30T20:00"), Duration.ofHours(30))));
    }

    @Test
    void limitsAreWrittenInWords() {
        assertEquals(TimeLimit.working(Duration.ofMinutes(5 * 450)), TimeLimit.parse("5 working days", calendar));
        assertEquals(TimeLimit.working(Duration.ofMinutes(450)), TimeLimit.parse("1 Working Day", calendar));
        assertEquals(TimeLimit.working(Duration.ofHours(2)), TimeLimit.parse(" 2 working hours ", calendar));
        assertEquals(TimeLimit.working(Duration.ofMinutes(30)), TimeLimit.parse("30 working minutes", calendar));
        assertEquals(TimeLimit.calendar(Duration.ofHours(24)), TimeLimit.parse("24 calendar hours", calendar));
        assertEquals(TimeLimit.calendar(Duration.ofDays(3)), TimeLimit.parse("3 calendar days", calendar));
        String message = assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse("5 days", calendar)).getMessage();
        assertTrue(message.contains("'5 days' is not '<n> working|calendar"), message);
        assertThrows(IllegalArgumentException.class, () -> TimeLimit.parse("0 working days", calendar));
    }
}
