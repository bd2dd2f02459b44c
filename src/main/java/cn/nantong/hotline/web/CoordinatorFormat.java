package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.supervision.Trigger;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The coordinator board's words and numbers: {@code {coord:time(x)}}, {@code {coord:percent(r)}} and the labels. */
@TemplateExtension(namespace = "coord")
public final class CoordinatorFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockProducer.CITY_ZONE);
    private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ClockProducer.CITY_ZONE);

    /** Why a case was opened, as the board says it; the script reads these from the page, too. */
    static final Map<String, String> TRIGGERS = Map.of(
            Trigger.Kind.REPEATED.name(), "重复投诉", Trigger.Kind.LOOP.name(), "反馈后仍未解决",
            Trigger.Kind.HOT.name(), "热点诉求", Trigger.Kind.BUCK_PASSING.name(), "多部门退单",
            Trigger.Kind.LONG_RED.name(), "红灯超时", Trigger.Kind.UNSATISFIED.name(), "多次不满意");

    static final Map<String, String> CASE_STATUSES = Map.of("OPEN", "待交办", "ASSIGNED", "督办中",
            "RESOLVED", "已办结待销号", "CLOSED", "已销号");

    private CoordinatorFormat() {
    }

    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /** When figures of today were computed: the seconds matter, the date is today's. */
    static String timeOfDay(Instant at) {
        return TIME_OF_DAY.format(at);
    }

    /**
     * A case's deadline as the day it was set to: stored as the moment that day ends (the next midnight), which
     * shown as a time would read as one day later.
     */
    static String deadline(Instant due) {
        return due == null ? "" : due.minusNanos(1).atZone(ClockProducer.CITY_ZONE).toLocalDate().toString();
    }

    /** A share 0–1 as a percentage; a dash where there was nothing to divide by. */
    static String percent(Double rate) {
        return rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", rate * 100);
    }

    static String trigger(String kind) {
        return TRIGGERS.getOrDefault(kind, kind);
    }

    static String caseStatus(String status) {
        return CASE_STATUSES.getOrDefault(status, status);
    }
}
