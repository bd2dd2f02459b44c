package cn.nantong.hotline.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import cn.nantong.hotline.identity.LoginThrottledException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** Maps every failure that reaches the REST layer to RFC 9457 problem+json; nothing leaks a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem(Problem.typeOf("invalid-input"), "Invalid input", 400, detail, path(uri), errors, Map.of()));
    }

    /** Declared separately: Quarkus ships its own mapper for this subtype, which would otherwise win. */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? m.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        String detail = field.isEmpty()
                ? "请求正文不是有效的 JSON：" + e.getOriginalMessage()
                : "字段 " + field + " 的值无法识别：" + e.getOriginalMessage();
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail));
        return respond(new Problem(Problem.typeOf("unreadable-body"), "Unreadable request body", 400, detail, path(uri), errors, Map.of()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        var throttled = LoginThrottledException.in(e);
        if (throttled.isPresent()) {
            // 429 with Retry-After: a client backs off instead of retrying at once.
            Problem p = Problem.of(429, "login-throttled", "Too Many Requests", throttled.get().message(), path(uri));
            return Response.status(429).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", throttled.get().retryAfter().toSeconds()).entity(p).build();
        }
        Problem p = Problem.of(401, "unauthorized", "Unauthorized", "需要登录：请使用有效的用户名和密码（HTTP Basic）。", path(uri));
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Basic realm=\"12345\"")
                .entity(p).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemException.forbidden("当前账号无权执行此操作。").toProblem(path(uri)));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String detail = switch (status) {
            case 404 -> "找不到该资源。";
            case 405 -> "该资源不支持此请求方法。";
            case 406 -> "无法按请求的格式（Accept）返回内容。";
            case 415 -> "不支持的请求内容类型（Content-Type），请使用 application/json。";
            default -> e.getMessage();
        };
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(Problem.of(status, "http-" + status, title, detail, path(uri)));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (noConnectionFree(e)) {
            // Overload, not a fault: the request's transaction never got a connection, so nothing was written, and
            // a client that retries (with the same Idempotency-Key) after a moment is answered normally.
            LOG.warnf("Busy: no database connection free for %s within the acquisition timeout", path(uri));
            Problem p = Problem.of(503, "busy", "Service Unavailable",
                    "系统繁忙，本次请求未执行（没有登记任何内容），请稍后重试；带同一 Idempotency-Key 重试不会重复登记。", path(uri));
            return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", 1).entity(p).build();
        }
        LOG.error("Unhandled error on " + path(uri), e);
        return respond(Problem.of(500, "internal-error", "Internal Server Error",
                "服务器内部错误，已记录日志，请稍后重试或联系管理员。", path(uri)));
    }

    /** Agroal's answer when every pooled connection stayed busy for the whole acquisition timeout. */
    static boolean noConnectionFree(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(Problem p) {
        return Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** Turns "create.request.title" into "title": the client knows its JSON, not our method names. */
    private static String fieldOf(ConstraintViolation<?> v) {
        List<String> nodes = StreamSupport.stream(v.getPropertyPath().spliterator(), false)
                .map(n -> n.getName() + (n.getIndex() != null ? "[" + n.getIndex() + "]" : ""))
                .toList();
        return nodes.size() <= 2 ? nodes.get(nodes.size() - 1) : String.join(".", nodes.subList(2, nodes.size()));
    }
}
