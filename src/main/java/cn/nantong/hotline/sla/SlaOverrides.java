package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an administrator changed over the configured calendar and limits: special days that replace or add to
 * the calendar file's dates, and ordinary reply limits per ticket type in whole working days.
 */
public record SlaOverrides(List<SpecialDay> specialDays, Map<TicketType, Integer> replyWorkingDays) {

    public static final SlaOverrides NONE = new SlaOverrides(List.of(), Map.of());

    public SlaOverrides {
        specialDays = List.copyOf(specialDays);
        replyWorkingDays = replyWorkingDays.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(replyWorkingDays));
        Set<Object> dates = new HashSet<>();
        for (SpecialDay day : specialDays) {
            if (!dates.add(day.date())) {
                throw new IllegalArgumentException(day.date() + " is overridden twice");
            }
        }
        replyWorkingDays.forEach((type, days) -> {
            if (days == null || days < 1) {
                throw new IllegalArgumentException("reply limit of " + type + " must be at least one working day: " + days);
            }
        });
    }

    /** The configured dates with these on top: where both name a date, the administrator's wins. */
    public List<SpecialDay> calendarOver(Collection<SpecialDay> configured) {
        return WorkdayCalendarFile.merge(configured, specialDays);
    }

    /** The configured limits with these reply limits instead; urgent and category limits still win over them. */
    public TimeLimitPolicy policyOver(TimeLimitPolicy.Builder configured, WorkingCalendar calendar) {
        replyWorkingDays.forEach((type, days) -> configured.reply(type, TimeLimit.working(calendar.workingDays(days))));
        return configured.build();
    }
}
