package cn.nantong.hotline.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** One clock for the whole service, in the city's time zone, so tests can replace it. */
@ApplicationScoped
public class ClockProducer {

    public static final ZoneId CITY_ZONE = ZoneId.of("Asia/Shanghai");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(CITY_ZONE);
    }
}
