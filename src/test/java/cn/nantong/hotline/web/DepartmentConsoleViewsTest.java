package cn.nantong.hotline.web;

import cn.nantong.hotline.ticket.InboxTab;
import cn.nantong.hotline.ticket.TicketViews;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DepartmentConsoleViewsTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    private static final List<String> OPEN_TICKET = List.of("accept", "return", "reply", "await-caller", "extension");

    private static TicketViews.AssignmentView part(long id, String department, String status, Instant dispatchedAt,
                                                   Integer extensionRequested) {
        return new TicketViews.AssignmentView(id, department, department, "LEAD", status, 1, dispatchedAt, null, null,
                null, null, null, null, null, 0, extensionRequested, null, false, "YELLOW");
    }

    @Test
    void theDepartmentsLatestPartIsTheOneItWorks() {
        var returned = part(1, "water", "RETURNED", T0, null);
        var again = part(51, "water", "DISPATCHED", T0.plusSeconds(3600), null);
        var other = part(2, "gas", "ACCEPTED", T0.plusSeconds(7200), null);
        assertEquals(again, DepartmentConsoleViews.ownPart(List.of(again, returned, other), "water").orElseThrow());
        assertEquals(InboxTab.PENDING, DepartmentConsoleViews.tabOf(again));
        assertEquals(true, DepartmentConsoleViews.ownPart(List.of(other), "water").isEmpty());
    }

    @Test
    void formsOfferedFollowThePartAndTheTicket() {
        assertEquals(List.of("accept", "return"),
                DepartmentConsoleViews.actions(part(1, "water", "DISPATCHED", T0, null), OPEN_TICKET));
        assertEquals(List.of("reply", "await-caller", "extension", "return"),
                DepartmentConsoleViews.actions(part(1, "water", "ACCEPTED", T0, null), OPEN_TICKET));
        assertEquals(List.of("reply", "await-caller", "return"),
                DepartmentConsoleViews.actions(part(1, "water", "ACCEPTED", T0, 3), OPEN_TICKET),
                "one extension request at a time");
        assertEquals(List.of(), DepartmentConsoleViews.actions(part(1, "water", "ACCEPTED", T0, null), List.of("callback")),
                "nothing the ticket's state refuses");
        assertEquals(List.of(), DepartmentConsoleViews.actions(part(1, "water", "AWAITING_CALLER", T0, null), OPEN_TICKET));
    }

    @Test
    void onlyARunningPartShowsALight() {
        assertEquals("YELLOW", DepartmentConsoleViews.partLight(part(1, "water", "AWAITING_CALLER", T0, null)));
        assertNull(DepartmentConsoleViews.partLight(part(1, "water", "REPLIED", T0, null)));
        assertEquals("黄", DepartmentConsoleViews.light("YELLOW"));
        assertEquals("", DepartmentConsoleViews.light(null));
    }
}
