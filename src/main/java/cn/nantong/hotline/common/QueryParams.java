package cn.nantong.hotline.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Query parameters taken as text and checked here, so a bad one gets a 400 naming it, not JAX-RS's bare 404. */
public final class QueryParams {

    private QueryParams() {
    }

    public static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, field + " 须为日期 YYYY-MM-DD，收到 '" + value + "'。");
        }
    }

    /** {@code value} as an integer in [min, max], or {@code dflt} when absent. */
    public static int integer(String field, String value, int dflt, int min, int max) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(field, field + " 须为整数，收到 '" + value + "'。");
        }
        if (n < min || n > max) {
            throw ProblemException.badRequest(field, field + " 须在 " + min + " 到 " + max + " 之间，收到 " + n + "。");
        }
        return n;
    }
}
