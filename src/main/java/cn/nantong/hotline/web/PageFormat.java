package cn.nantong.hotline.web;

import io.quarkus.qute.TemplateExtension;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Template helpers: Qute escapes HTML but not URLs, and citizens read dates the Chinese way. */
@TemplateExtension
final class PageFormat {

    private PageFormat() {
    }

    /** For a path segment such as a category name: a space must become %20, not +. */
    static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String queryValue(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String chinese(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
