package cn.nantong.hotline.sla;

import cn.nantong.hotline.audit.AuditLog;
import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.ticket.TicketType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The administrator's changes to the holiday calendar and the reply limits: checked, stored with their audit
 * entry, then in force for the next deadline on this instance at once (and on others within seconds).
 */
@ApplicationScoped
public class SlaAdmin {

    static final int NAME_MAX = 50;
    static final int MAX_WORKING_DAYS = 60;
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2100;

    private final SlaSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    SlaAdmin(SlaSettings settings, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code source}: CONFIGURED (bundled or operator's file) or ADMIN; {@code replaces} the configured entry it hides. */
    public record DayView(LocalDate date, String kind, String name, String source, String replaces, String updatedBy) {
    }

    public record CalendarView(LocalDate coveredUntil, List<DayView> days) {
    }

    public record NewDay(String date, String kind, String name) {
    }

    /** A type's ordinary reply limit: as configured, the override if any, and what applies now. */
    public record ReplyLimitView(String type, String label, String configured, Integer overrideWorkingDays,
                                 String effective, String urgent) {
    }

    public record ReplyLimitChange(Integer workingDays) {
    }

    /** Special days of {@code year} (all when null), in date order, with their source. */
    public CalendarView calendar(Integer year) {
        Map<LocalDate, SpecialDay> configured = settings.configuredDays().stream()
                .collect(Collectors.toMap(SpecialDay::date, Function.identity()));
        List<SlaOverrideStore.StoredDay> stored = QuarkusTransaction.requiringNew().call(SlaOverrideStore::days);
        List<DayView> days = new ArrayList<>();
        Map<LocalDate, SlaOverrideStore.StoredDay> byDate = stored.stream()
                .collect(Collectors.toMap(s -> s.day().date(), Function.identity()));
        for (SpecialDay day : settings.rules().calendar().specialDays()) {
            if (year != null && day.date().getYear() != year) {
                continue;
            }
            SlaOverrideStore.StoredDay mine = byDate.get(day.date());
            SpecialDay hidden = configured.get(day.date());
            days.add(mine == null
                    ? new DayView(day.date(), day.kind().name(), day.name(), "CONFIGURED", null, null)
                    : new DayView(day.date(), day.kind().name(), day.name(), "ADMIN",
                    hidden == null ? null : describe(hidden), mine.updatedBy()));
        }
        return new CalendarView(settings.rules().calendar().coveredUntil().orElse(null), days);
    }

    public DayView addDay(NewDay request, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate date = parseDate(request.date(), errors);
        SpecialDay.Kind kind = parseKind(request.kind(), errors);
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > NAME_MAX) {
            errors.add(new Problem.FieldError("name", "请填写名称（如 春节、国庆节调休上班），最多 " + NAME_MAX + " 个字。"));
        }
        if (date != null && kind == SpecialDay.Kind.WORKDAY && !isWeekend(date)
                && settings.configuredDays().stream().noneMatch(d -> d.date().equals(date) && !d.isWorked())) {
            errors.add(new Problem.FieldError("kind", date + " 是周一至周五且不是节假日，本来就是工作日，无需设为调休上班。"));
        }
        invalidIf(errors);
        SpecialDay day = new SpecialDay(date, kind, name);
        QuarkusTransaction.requiringNew().run(() -> {
            if (SlaOverrideStore.hasDay(date)) {
                throw new ProblemException(409, "duplicate-date", "Conflict", date + " 已由管理员设置过，请先删除原设置。",
                        List.of(new Problem.FieldError("date", date + " 已由管理员设置过，请先删除原设置。")));
            }
            SlaOverrideStore.addDay(day, actor, clock.instant());
            audit.record(actor, "calendar.add", date.toString(), null, describe(day));
        });
        settings.reload();
        SpecialDay hidden = settings.configuredDays().stream().filter(d -> d.date().equals(date)).findFirst().orElse(null);
        return new DayView(date, kind.name(), name, "ADMIN", hidden == null ? null : describe(hidden), actor);
    }

    public void removeDay(String dateText, String actor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate date = parseDate(dateText, errors);
        invalidIf(errors);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!SlaOverrideStore.removeDay(date)) {
                throw ProblemException.notFound(date + " 没有管理员设置的节假日或调休日；配置文件中的日期请用新的设置覆盖。");
            }
            audit.record(actor, "calendar.remove", date.toString(), null, null);
        });
        settings.reload();
    }

    public List<ReplyLimitView> replyLimits() {
        SlaRules rules = settings.rules();
        Map<TicketType, Integer> overrides = settings.overrides().replyWorkingDays();
        return Arrays.stream(TicketType.values()).map(t -> new ReplyLimitView(t.name(), t.label(),
                rules.configured().describe(rules.configured().replyLimit(t, null, false)), overrides.get(t),
                rules.effective().describe(rules.effective().replyLimit(t, null, false)),
                rules.effective().urgentReplyLimit(t).map(rules.effective()::describe).orElse(null))).toList();
    }

    public ReplyLimitView setReplyLimit(String typeText, ReplyLimitChange request, String actor) {
        TicketType type = type(typeText);
        Integer days = request.workingDays();
        if (days == null || days < 1 || days > MAX_WORKING_DAYS) {
            throw ProblemException.badRequest("workingDays", "答复时限须为 1 到 " + MAX_WORKING_DAYS + " 个工作日的整数。");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            SlaOverrideStore.setReply(type, days, actor, clock.instant());
            audit.record(actor, "time-limit.set", type.name(), null, type.label() + " 答复时限 " + days + " 个工作日");
        });
        settings.reload();
        return replyLimits().get(type.ordinal());
    }

    public void removeReplyLimit(String typeText, String actor) {
        TicketType type = type(typeText);
        QuarkusTransaction.requiringNew().run(() -> {
            if (!SlaOverrideStore.removeReply(type)) {
                throw ProblemException.notFound(type.label() + "的答复时限没有被调整过，已按配置执行。");
            }
            audit.record(actor, "time-limit.reset", type.name(), null, type.label() + " 答复时限恢复为配置值");
        });
        settings.reload();
    }

    private static TicketType type(String text) {
        return Arrays.stream(TicketType.values()).filter(t -> t.name().equals(text)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("未知的诉求类型 '" + text + "'，可选 "
                        + Arrays.toString(TicketType.values()) + "。"));
    }

    private static LocalDate parseDate(String text, List<Problem.FieldError> errors) {
        try {
            LocalDate date = LocalDate.parse(text == null ? "" : text.strip());
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                errors.add(new Problem.FieldError("date", "日期须在 " + FIRST_YEAR + " 年到 " + LAST_YEAR + " 年之间。"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError("date", "请填写日期，格式为 YYYY-MM-DD，如 2026-10-01。"));
            return null;
        }
    }

    private static SpecialDay.Kind parseKind(String text, List<Problem.FieldError> errors) {
        Optional<SpecialDay.Kind> kind = Arrays.stream(SpecialDay.Kind.values())
                .filter(k -> text != null && k.name().equals(text.strip().toUpperCase(Locale.ROOT))).findFirst();
        if (kind.isEmpty()) {
            errors.add(new Problem.FieldError("kind", "请选择类型：HOLIDAY（放假）或 WORKDAY（调休上班）。"));
        }
        return kind.orElse(null);
    }

    private static void invalidIf(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "invalid-input", "Invalid input",
                    String.join(" ", errors.stream().map(Problem.FieldError::message).toList()), errors);
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String describe(SpecialDay day) {
        return (day.isWorked() ? "调休上班 " : "放假 ") + day.name();
    }
}
