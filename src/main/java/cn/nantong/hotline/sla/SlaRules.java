package cn.nantong.hotline.sla;

import java.util.List;

/**
 * The calendar and limits new deadlines are computed with: configuration and calendar file, with the
 * administrator's overrides on top. {@code configured} is the policy without the reply overrides (on the same
 * calendar), so the admin screen can show what an override replaces.
 */
public record SlaRules(WorkingCalendar calendar, TimeLimitPolicy configured, TimeLimitPolicy effective) {

    public static SlaRules of(SlaConfig config, List<SpecialDay> configuredDays, SlaOverrides overrides) {
        WorkingCalendar calendar = new WorkingCalendar(overrides.calendarOver(configuredDays),
                WorkingHours.parse(config.workingHours()), config.zone());
        return new SlaRules(calendar, SlaSetup.policyFrom(config, calendar),
                overrides.policyOver(SlaSetup.policyBuilder(config, calendar), calendar));
    }
}
