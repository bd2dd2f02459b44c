package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static cn.nantong.hotline.sla.Shanghai.at;
import static cn.nantong.hotline.sla.Shanghai.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator's overrides on top of the configured calendar and limits. */
class SlaRulesTest {

    private static final SlaConfig CONFIG = new SmallRyeConfigBuilder().withMapping(SlaConfig.class)
            .withSources(new PropertiesConfigSource(Map.of("hotline.sla.reply.urgent.complaint", "1 working day"), "test", 500))
            .build().getConfigMapping(SlaConfig.class);
    private static final List<SpecialDay> CONFIGURED = SlaSetup.configuredDays(CONFIG);

    @Test
    void withoutOverridesTheConfiguredRulesApply() {
        SlaRules rules = SlaRules.of(CONFIG, CONFIGURED, SlaOverrides.NONE);
        assertEquals(Set.copyOf(CONFIGURED), Set.copyOf(rules.calendar().specialDays()));
        for (TicketType type : TicketType.values()) {
            assertEquals(rules.configured().replyLimit(type, null, false), rules.effective().replyLimit(type, null, false));
        }
    }

    @Test
    void anAddedHolidayMovesADeadlineAndAnAdminEntryReplacesTheConfiguredOne() {
        // 1 working day from Friday 2026-03-06 10:00 is Monday 10:00.
        SlaRules plain = SlaRules.of(CONFIG, CONFIGURED, SlaOverrides.NONE);
        assertEquals("2026-03-09T10:00", local(plain.effective().replyDeadline(TicketType.INQUIRY, null, false,
                at("2026-03-06T10:00"))));
        SlaOverrides holiday = new SlaOverrides(List.of(new SpecialDay(LocalDate.of(2026, 3, 9), SpecialDay.Kind.HOLIDAY,
                "临时放假")), Map.of());
        SlaRules moved = SlaRules.of(CONFIG, CONFIGURED, holiday);
        assertEquals("2026-03-10T10:00", local(moved.effective().replyDeadline(TicketType.INQUIRY, null, false,
                at("2026-03-06T10:00"))));

        // 2026-10-01 is 国庆节 in the bundled calendar; the administrator's entry wins on that date.
        LocalDate national = LocalDate.of(2026, 10, 1);
        assertFalse(plain.calendar().isWorkingDay(national));
        SlaRules worked = SlaRules.of(CONFIG, CONFIGURED, new SlaOverrides(
                List.of(new SpecialDay(national, SpecialDay.Kind.WORKDAY, "改为上班")), Map.of()));
        assertTrue(worked.calendar().isWorkingDay(national));
        assertEquals("改为上班", worked.calendar().specialDay(national).orElseThrow().name());
        assertEquals(CONFIGURED.size(), worked.calendar().specialDays().size(), "replaced, not added");
    }

    @Test
    void aReplyOverrideChangesTheOrdinaryLimitOnlyWhileUrgencyStillWins() {
        SlaRules rules = SlaRules.of(CONFIG, CONFIGURED, new SlaOverrides(List.of(), Map.of(TicketType.COMPLAINT, 8)));
        assertEquals("5个工作日", rules.configured().describe(rules.configured().replyLimit(TicketType.COMPLAINT, null, false)));
        assertEquals("8个工作日", rules.effective().describe(rules.effective().replyLimit(TicketType.COMPLAINT, null, false)));
        assertEquals("1个工作日", rules.effective().describe(rules.effective().replyLimit(TicketType.COMPLAINT, null, true)));
        assertEquals("10个工作日", rules.effective().describe(rules.effective().replyLimit(TicketType.REPORT, null, false)));
    }

    @Test
    void overridesRefuseDuplicateDatesAndNonPositiveDays() {
        SpecialDay a = new SpecialDay(LocalDate.of(2030, 1, 2), SpecialDay.Kind.HOLIDAY, "a");
        SpecialDay b = new SpecialDay(LocalDate.of(2030, 1, 2), SpecialDay.Kind.WORKDAY, "b");
        assertThrows(IllegalArgumentException.class, () -> new SlaOverrides(List.of(a, b), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SlaOverrides(List.of(), Map.of(TicketType.HELP, 0)));
    }
}
