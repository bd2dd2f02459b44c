package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.Assignment;
import cn.nantong.hotline.ticket.Light;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketLifecycle;
import cn.nantong.hotline.ticket.TicketStatus;
import cn.nantong.hotline.ticket.TicketType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.nantong.hotline.sla.Shanghai.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time spent waiting for the caller (待补充) is neither used nor granted: the light resumes where it stopped. */
class PausedClockLightTest {

    private final WorkingCalendar calendar = WorkingCalendar.standard();
    private final TicketLifecycle lifecycle = new TicketLifecycle(
            new TicketTimeLimits(() -> TimeLimitPolicy.defaults(calendar)));

    private Ticket acceptedComplaint() {
        Ticket t = new Ticket();
        t.type = TicketType.COMPLAINT;
        t.status = TicketStatus.NEW;
        t.number = "20260302-0000001";
        lifecycle.dispatch(t, "water", List.of(), null, "agent1", at("2026-03-02T09:00"), false);
        lifecycle.accept(t, "water", "dept", at("2026-03-02T09:30"));
        return t;
    }

    @Test
    void aLongPauseDoesNotTurnTheLightYellow() {
        Ticket t = acceptedComplaint(); // 5 working days: due Monday 9 March 09:00
        Assignment a = t.assignments.get(0);
        // Two working days used, then the department waits four working days for the caller.
        lifecycle.awaitCaller(t, "water", "请提供漏水点照片", "dept", at("2026-03-04T09:00"));
        assertEquals(Light.GREEN, lifecycle.light(t, a, at("2026-03-10T09:00")));
        lifecycle.callerInfo(t, "已补充照片", "agent1", at("2026-03-10T09:00"));
        assertEquals(at("2026-03-13T09:00"), a.replyDueAt);
        // 3 of 5 working days used (60 %); counting the pause it would read 7 of 9 (78 %, yellow).
        assertEquals(Light.GREEN, lifecycle.light(t, a, at("2026-03-11T09:00")));
        // Most of the fifth working day used: yellow only now.
        assertEquals(Light.YELLOW, lifecycle.light(t, a, at("2026-03-12T16:00")));
        assertEquals(Light.RED, lifecycle.light(t, a, at("2026-03-13T09:01")));
    }
}
