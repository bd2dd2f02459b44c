package cn.nantong.hotline.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code detail} is written for the person in front of the screen (Chinese),
 * {@code type}, {@code errors[].field} and the extension members (RFC 9457 §3.2) are stable for programs.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors,
                      @JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field; {@code field} is the JSON property path as the client sent it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(int status, String slug, String title, String detail, String instance) {
        return new Problem(typeOf(slug), title, status, detail, instance, List.of(), Map.of());
    }

    static URI typeOf(String slug) {
        return URI.create("https://hotline.nantong.example/problems/" + slug);
    }
}
