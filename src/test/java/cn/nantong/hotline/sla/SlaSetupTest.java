package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static cn.nantong.hotline.sla.Shanghai.at;
import static cn.nantong.hotline.sla.Shanghai.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlaSetupTest {

    private static SlaConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(SlaConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build();
        return config.getConfigMapping(SlaConfig.class);
    }

    @Test
    void theDefaultsAreTheStandardPolicy() {
        SlaConfig config = config(Map.of());
        WorkingCalendar calendar = SlaSetup.calendarFrom(config);
        assertEquals(LocalDate.of(2026, 12, 31), calendar.coveredUntil().orElseThrow());
        assertEquals("08:30-12:00,13:30-17:30", calendar.workingHours().toString());
        assertEquals(Shanghai.ZONE, calendar.zone());
        TimeLimitPolicy policy = SlaSetup.policyFrom(config, calendar);
        TimeLimitPolicy standard = TimeLimitPolicy.defaults(calendar);
        assertEquals(standard.acceptLimit(), policy.acceptLimit());
        for (TicketType type : TicketType.values()) {
            for (boolean urgent : new boolean[] {false, true}) {
                assertEquals(standard.replyLimit(type, null, urgent), policy.replyLimit(type, null, urgent), type + " " + urgent);
            }
        }
        assertEquals(0.75, policy.yellowAt());
    }

    @Test
    void everyLimitCanBeConfigured() {
        SlaConfig config = config(Map.of(
                "hotline.sla.working-hours", "09:00-12:00,13:00-17:00",
                "hotline.sla.yellow-at", "0.8",
                "hotline.sla.accept", "1 working hour",
                "hotline.sla.reply.complaint", "3 working days",
                "hotline.sla.reply.urgent.complaint", "1 working day",
                "hotline.sla.reply.urgent.help", "normal",
                "hotline.sla.reply.category.\"燃气泄漏\"", "12 calendar hours"));
        WorkingCalendar calendar = SlaSetup.calendarFrom(config);
        TimeLimitPolicy policy = SlaSetup.policyFrom(config, calendar);
        assertEquals(Duration.ofHours(7), calendar.workingDayLength());
        assertEquals(0.8, policy.yellowAt());
        assertEquals("2025-03-10T10:00", local(policy.acceptDeadline(at("2025-03-10T09:00"))));
        assertEquals("3个工作日", policy.describe(policy.replyLimit(TicketType.COMPLAINT, null, false)));
        assertEquals("1个工作日", policy.describe(policy.replyLimit(TicketType.COMPLAINT, null, true)));
        assertEquals("5个工作日", policy.describe(policy.replyLimit(TicketType.HELP, null, true)));
        assertEquals("12小时", policy.describe(policy.replyLimit(TicketType.HELP, "燃气泄漏", false)));
    }

    @Test
    void aLimitThatCannotBeReadNamesItsKey() {
        SlaConfig config = config(Map.of("hotline.sla.reply.report", "ten days"));
        WorkingCalendar calendar = WorkingCalendar.standard();
        String message = assertThrows(IllegalArgumentException.class, () -> SlaSetup.policyFrom(config, calendar)).getMessage();
        assertTrue(message.startsWith("hotline.sla.reply.report: time limit 'ten days'"), message);
    }
}
