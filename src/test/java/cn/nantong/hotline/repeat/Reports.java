package cn.nantong.hotline.repeat;

import java.time.Duration;
import java.time.Instant;

/** Hand-written reports for the tests: a day counter instead of timestamps, COMPLAINT unless told. */
final class Reports {

    static final Instant DAY_ZERO = Instant.parse("2026-04-01T02:00:00Z");

    private Reports() {
    }

    static ReportFeatures complaint(long id, int day, String phone, String district, String address, String content) {
        return of(id, day, phone, "COMPLAINT", district, address, content);
    }

    static ReportFeatures of(long id, int day, String phone, String type, String district, String address, String content) {
        return ReportFeatures.of(new Report(id, DAY_ZERO.plus(Duration.ofDays(day)), phone, type, district, address, content));
    }
}
