package cn.nantong.hotline.ticket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Masks of mobiles and landlines, and what each kind of viewer sees of a caller. */
class CallerDisplayTest {

    @Test
    void masksMobilesAndLandlines() {
        assertEquals("139****5678", PhoneNumbers.mask("13912345678"));
        assertEquals("0513-****3456", PhoneNumbers.mask("0513-85123456"));
        assertEquals("010-****5678", PhoneNumbers.mask("010-12345678"));
    }

    @Test
    void everyoneSeesTheMaskAndMayRevealAnOrdinaryCaller() {
        for (boolean department : new boolean[] {false, true}) {
            CallerDisplay d = CallerDisplay.of(department, false, "139****5678", "王先生");
            assertEquals("139****5678", d.phone());
            assertEquals("王先生", d.name());
            assertTrue(d.revealable());
        }
    }

    @Test
    void departmentsSeeNothingOfAConfidentialCaller() {
        CallerDisplay d = CallerDisplay.of(true, true, "139****5678", "王先生");
        assertEquals(CallerDisplay.CONFIDENTIAL, d.phone());
        assertNull(d.name());
        assertFalse(d.revealable());
        CallerDisplay agent = CallerDisplay.of(false, true, "139****5678", "王先生");
        assertEquals("139****5678", agent.phone());
        assertTrue(agent.revealable());
    }

    @Test
    void anErasedNumberCannotBeRevealed() {
        CallerDisplay d = CallerDisplay.of(false, false, null, null);
        assertEquals(CallerDisplay.ERASED, d.phone());
        assertFalse(d.revealable());
    }
}
