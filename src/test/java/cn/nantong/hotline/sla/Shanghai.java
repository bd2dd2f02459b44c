package cn.nantong.hotline.sla;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Test shorthand: instants written as Shanghai wall-clock times, as a coordinator would read them. */
final class Shanghai {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Shanghai() {
    }

    /** {@code at("2026-10-12T10:00")}. */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZONE).toString();
    }
}
