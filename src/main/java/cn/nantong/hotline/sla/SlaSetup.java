package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * Builds the calendar and the policy from {@link SlaConfig}; the building itself is plain static code so tests
 * reach it without Quarkus. {@link SlaSettings} adds the administrator's overrides and loads at start, so a bad
 * calendar file or limit stops the service there.
 */
@ApplicationScoped
public class SlaSetup {

    private static final Logger LOG = Logger.getLogger(SlaSetup.class);
    static final String NORMAL = "normal";

    void checkAtStart(@Observes StartupEvent event, SlaSettings settings, Clock clock) {
        WorkingCalendar calendar = settings.rules().calendar();
        LocalDate today = LocalDate.now(clock.withZone(calendar.zone()));
        LOG.infof("Working calendar covers holidays up to %s; working hours %s",
                calendar.coveredUntil().map(LocalDate::toString).orElse("(none)"), calendar.workingHours());
        if (!calendar.isCovered(today.getYear())) {
            LOG.warnf("No holiday data for this year (%d): deadlines count plain Monday–Friday until the State"
                    + " Council's notice is added to the calendar file or the admin console (see docs/time-limits.md)",
                    today.getYear());
        }
    }

    /** The bundled calendar plus the operator's file, with the configured hours and zone. */
    public static WorkingCalendar calendarFrom(SlaConfig config) {
        return new WorkingCalendar(configuredDays(config), WorkingHours.parse(config.workingHours()), config.zone());
    }

    /** The bundled dates, overridden and extended by the operator's calendar file. */
    public static List<SpecialDay> configuredDays(SlaConfig config) {
        return WorkdayCalendarFile.load(config.calendarFile().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of));
    }

    /** The policy as configured; a limit that cannot be read names its key. */
    public static TimeLimitPolicy policyFrom(SlaConfig config, WorkingCalendar calendar) {
        return policyBuilder(config, calendar).build();
    }

    /** The configured limits, still open for the administrator's overrides. */
    static TimeLimitPolicy.Builder policyBuilder(SlaConfig config, WorkingCalendar calendar) {
        SlaConfig.Reply reply = config.reply();
        SlaConfig.Urgent urgent = reply.urgent();
        TimeLimitPolicy.Builder b = TimeLimitPolicy.builder(calendar)
                .yellowAt(config.yellowAt())
                .accept(limit("hotline.sla.accept", config.accept(), calendar))
                .reply(TicketType.INQUIRY, limit("hotline.sla.reply.inquiry", reply.inquiry(), calendar))
                .reply(TicketType.COMPLAINT, limit("hotline.sla.reply.complaint", reply.complaint(), calendar))
                .reply(TicketType.HELP, limit("hotline.sla.reply.help", reply.help(), calendar))
                .reply(TicketType.REPORT, limit("hotline.sla.reply.report", reply.report(), calendar))
                .reply(TicketType.SUGGESTION, limit("hotline.sla.reply.suggestion", reply.suggestion(), calendar))
                .urgentReply(TicketType.INQUIRY, urgentLimit("inquiry", urgent.inquiry(), calendar))
                .urgentReply(TicketType.COMPLAINT, urgentLimit("complaint", urgent.complaint(), calendar))
                .urgentReply(TicketType.HELP, urgentLimit("help", urgent.help(), calendar))
                .urgentReply(TicketType.REPORT, urgentLimit("report", urgent.report(), calendar))
                .urgentReply(TicketType.SUGGESTION, urgentLimit("suggestion", urgent.suggestion(), calendar));
        reply.category().forEach((category, text) ->
                b.categoryReply(category, limit("hotline.sla.reply.category.\"" + category + "\"", text, calendar)));
        return b;
    }

    private static TimeLimit urgentLimit(String type, String text, WorkingCalendar calendar) {
        return NORMAL.equals(text.strip().toLowerCase(Locale.ROOT))
                ? null : limit("hotline.sla.reply.urgent." + type, text, calendar);
    }

    private static TimeLimit limit(String key, String text, WorkingCalendar calendar) {
        try {
            return TimeLimit.parse(text, calendar);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
