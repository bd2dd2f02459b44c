package cn.nantong.hotline.ticket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InboxTabTest {

    @Test
    void everyTabIsFoundByItsParameterAndAnythingElseOpensTheFirst() {
        for (InboxTab tab : InboxTab.values()) {
            assertEquals(tab, InboxTab.fromParam(tab.param()));
        }
        assertEquals("awaiting-caller", InboxTab.AWAITING_CALLER.param());
        assertEquals(InboxTab.PENDING, InboxTab.fromParam(null));
        assertEquals(InboxTab.PENDING, InboxTab.fromParam("AWAITING_CALLER"));
        assertEquals(InboxTab.PENDING, InboxTab.fromParam("<script>"));
    }

    @Test
    void everyAssignmentStatusHasTheTabListingIt() {
        for (AssignmentStatus status : AssignmentStatus.values()) {
            assertEquals(status, InboxTab.of(status).status());
        }
        assertEquals("待补充", InboxTab.of(AssignmentStatus.AWAITING_CALLER).label());
    }
}
