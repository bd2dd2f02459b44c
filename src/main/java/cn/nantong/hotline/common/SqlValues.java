package cn.nantong.hotline.common;

import java.time.Instant;
import java.time.OffsetDateTime;

/** Values read from native queries, whose Java type depends on the driver and Hibernate version. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} column as an instant; null stays null. */
    public static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant() : (Instant) value;
    }

    /** A numeric column as a long; null stays null. */
    public static Long longOrNull(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
