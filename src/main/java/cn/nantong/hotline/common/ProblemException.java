package cn.nantong.hotline.common;

import java.util.List;
import java.util.Map;

/** Thrown by domain code for a refusal the caller can understand and fix; mapped to problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(status, slug, title, detail, errors, Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ProblemException badRequest(String field, String detail) {
        return new ProblemException(400, "invalid-input", "Invalid input", detail,
                field == null ? List.of() : List.of(new Problem.FieldError(field, detail)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.typeOf(slug), title, status, getMessage(), instance, errors, extensions);
    }
}
