package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ClockProducer;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Template helpers of the editors' desk: when a version was made, in the city's time. */
@TemplateExtension
final class EditorFormat {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockProducer.CITY_ZONE);

    private EditorFormat() {
    }

    static String cityTime(Instant instant) {
        return MINUTES.format(instant);
    }
}
