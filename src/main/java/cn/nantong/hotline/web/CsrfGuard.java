package cn.nantong.hotline.web;

import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.web.KbPageViews.Failure;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * Completes the Quarkus REST CSRF filter for the consoles. That filter checks the token of HTML forms, and of
 * requests sending the X-CSRF-TOKEN header, but lets other JSON through so that API clients keep working. A
 * browser session is what a forged request would borrow, so here every state-changing request carrying a
 * session cookie, the form login's or the external provider's (and no credentials of its own), must present the
 * token, as form field or header, equal to the CSRF cookie. Refusals answer 403: a readable page for a form,
 * problem+json for a script.
 */
public class CsrfGuard {

    /** Set by the Quarkus REST CSRF filter once a request's token matched its cookie. */
    private static final String VERIFIED = "csrf_token_verified";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final String MESSAGE = "页面已过期或请求来源无法确认，请刷新页面后重试。";
    /** Quarkus OIDC's session cookie of the default tenant; a large one is split into q_session_chunk_N. */
    private static final String PROVIDER_SESSION_COOKIE = "q_session";

    private final String sessionCookie;
    private final String csrfCookie;
    private final String csrfField;
    private final String csrfHeader;

    CsrfGuard(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
              String sessionCookie,
              @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token") String csrfCookie,
              @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token") String csrfField,
              @ConfigProperty(name = "quarkus.rest-csrf.token-header-name", defaultValue = "X-CSRF-TOKEN")
              String csrfHeader) {
        this.sessionCookie = sessionCookie;
        this.csrfCookie = csrfCookie;
        this.csrfField = csrfField;
        this.csrfHeader = csrfHeader;
    }

    /**
     * An API client's bodiless POST (such as {@code /accept}) may still be labelled as a form; the CSRF filter
     * would then refuse it for lacking a token. It carries its own credentials and nothing a forged request
     * could borrow, so an empty body loses its type before that filter runs.
     */
    @ServerRequestFilter(preMatching = true)
    public void untypeEmptyApiBodies(ContainerRequestContext request, RoutingContext routing) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (!SAFE.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                && !carriesSession(routing) && (length == null || "0".equals(length))
                && !"chunked".equalsIgnoreCase(request.getHeaderString("Transfer-Encoding"))) {
            request.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    @ServerRequestFilter
    @WithFormRead
    public Response requireTokenWithSession(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || !carriesSession(routing) || Boolean.TRUE.equals(routing.get(VERIFIED))) {
            return null;
        }
        Cookie cookie = routing.request().getCookie(csrfCookie);
        String token = request.getHeaderString(csrfHeader);
        if (token == null && isForm(request.getMediaType())) {
            token = (String) ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(csrfField, true, false);
        }
        return cookie != null && token != null && MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8)) ? null : refusal(request.getMediaType());
    }

    /** The CSRF filter refuses with a bare 400; the people at the screen get a 403 they can read. */
    @ServerResponseFilter
    public void explainRefusal(ContainerRequestContext request, ContainerResponseContext response,
                               RoutingContext routing) {
        if (SAFE.contains(request.getMethod()) || response.getStatus() != 400 || response.hasEntity()
                || routing.get(VERIFIED) != null) {
            return;
        }
        Response refusal = refusal(request.getMediaType());
        response.setStatus(refusal.getStatus());
        response.setEntity(refusal.getEntity(), new Annotation[0], refusal.getMediaType());
    }

    private boolean carriesSession(RoutingContext routing) {
        return routing.request().getCookie(sessionCookie) != null || routing.request().cookies().stream()
                .anyMatch(c -> c.getName().startsWith(PROVIDER_SESSION_COOKIE));
    }

    private static boolean isForm(MediaType sent) {
        return sent != null && !sent.isWildcardType() && (sent.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || sent.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }

    private static Response refusal(MediaType sent) {
        if (isForm(sent)) {
            return ErrorPage.of(new Failure(403, "请求已被拒绝", MESSAGE));
        }
        return Response.status(403).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(403, "csrf-token-invalid", "Forbidden", MESSAGE, null)).build();
    }
}
