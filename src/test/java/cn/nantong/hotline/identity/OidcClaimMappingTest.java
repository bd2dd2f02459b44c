package cn.nantong.hotline.identity;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OidcClaimMappingTest {

    private static final OidcClaimMapping MAPPING = OidcClaimMapping.parse(
            "hotline-agent=AGENT, hotline-department=DEPARTMENT,hotline-coordinator=COORDINATOR,"
                    + "hotline-kb-editor=KB_EDITOR,hotline-admin=ADMIN,");
    private static final Predicate<String> KNOWN = Set.of("water", "gas")::contains;

    @Test
    void eachProviderRoleBecomesOurRoleAndOtherProviderRolesAreIgnored() {
        OidcClaimMapping.Mapped agent = MAPPING.map(List.of("offline_access", "hotline-agent", "uma_authorization"),
                "water", KNOWN);
        assertTrue(agent.accepted());
        assertEquals(Role.AGENT, agent.role());
        assertNull(agent.department(), "only DEPARTMENT users act for a department");
        assertEquals(Role.ADMIN, MAPPING.map(Set.of("hotline-admin"), null, KNOWN).role());
        assertEquals(Role.KB_EDITOR, MAPPING.map(Set.of("hotline-kb-editor"), null, KNOWN).role());
    }

    @Test
    void aDepartmentUserGetsTheDepartmentFromItsClaim() {
        assertEquals(new OidcClaimMapping.Mapped(Role.DEPARTMENT, "water", null),
                MAPPING.map(Set.of("hotline-department"), " water ", KNOWN));
        assertEquals("gas", MAPPING.map(Set.of("hotline-department"), Json.createValue("gas"), KNOWN).department());
        assertEquals("gas", MAPPING.map(Set.of("hotline-department"), List.of("gas"), KNOWN).department());
    }

    @Test
    void refusesWhatCannotBeMappedSafely() {
        assertFalse(MAPPING.map(Set.of("offline_access"), null, KNOWN).accepted());
        assertFalse(MAPPING.map(Set.of(), null, KNOWN).accepted());
        assertFalse(MAPPING.map(Set.of("HOTLINE-AGENT"), null, KNOWN).accepted(), "names compare exactly");
        OidcClaimMapping.Mapped two = MAPPING.map(Set.of("hotline-agent", "hotline-admin"), null, KNOWN);
        assertFalse(two.accepted());
        assertTrue(two.refusal().contains("more than one role"), two.refusal());
        assertFalse(MAPPING.map(Set.of("hotline-department"), null, KNOWN).accepted());
        assertFalse(MAPPING.map(Set.of("hotline-department"), "  ", KNOWN).accepted());
        assertFalse(MAPPING.map(Set.of("hotline-department"), List.of("water", "gas"), KNOWN).accepted());
        OidcClaimMapping.Mapped unknown = MAPPING.map(Set.of("hotline-department"), "police", KNOWN);
        assertFalse(unknown.accepted());
        assertTrue(unknown.refusal().contains("police"), unknown.refusal());
    }

    @Test
    void aBadMappingStopsStartUpWithAMessage() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OidcClaimMapping.parse("hotline-agent=CLERK"))
                .getMessage().contains("CLERK"));
        assertThrows(IllegalArgumentException.class, () -> OidcClaimMapping.parse("hotline-agent"));
        assertThrows(IllegalArgumentException.class, () -> OidcClaimMapping.parse("=AGENT"));
        assertThrows(IllegalArgumentException.class, () -> OidcClaimMapping.parse("a=AGENT,a=ADMIN"));
        assertThrows(IllegalArgumentException.class, () -> OidcClaimMapping.parse(" , "));
        assertEquals(Role.COORDINATOR, OidcClaimMapping.parse("staff=COORDINATOR").map(Set.of("staff"), null, KNOWN).role());
    }
}
