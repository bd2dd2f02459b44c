package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.CachedPasswordIdentityProvider;
import cn.nantong.hotline.identity.LoginThrottledException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A refused login always goes back to the login page with its reason. With HTTP Basic enabled beside it,
 * Quarkus may answer a refused form post with the Basic challenge (401), or the throttle's 429, instead of
 * the form's error page; and when the throttle refused it, the page should say "wait N minutes" rather than
 * "wrong password". The provider's sign-in ends in a bare 401 when the way back from the provider fails (a stale
 * or replayed state, a code the provider will not exchange), which a person cannot read either.
 */
@ApplicationScoped
public class LoginRedirects {

    private final String postLocation;

    LoginRedirects(@ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
                   String postLocation) {
        this.postLocation = postLocation;
    }

    /** A high priority: before the security handlers, which may answer the request without passing it on. */
    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (rc.request().method() == HttpMethod.POST && rc.normalizedPath().endsWith(postLocation)) {
                rc.addHeadersEndHandler(v -> formLoginRefused(rc));
            } else if (rc.normalizedPath().equals(ProviderSignIn.PATH)) {
                rc.addHeadersEndHandler(v -> providerSignInRefused(rc));
            }
            rc.next();
        }, 10_000);
    }

    private static void formLoginRefused(RoutingContext rc) {
        int status = rc.response().getStatusCode();
        String location = rc.response().headers().get(HttpHeaders.LOCATION);
        boolean refused = status == 401 || status == 429 || status == 302 && location != null && location.contains("/login?error=");
        if (refused) {
            backToLoginPage(rc, rc.get(CachedPasswordIdentityProvider.THROTTLED) instanceof LoginThrottledException e
                    ? LoginMessages.LOCKED + "&minutes=" + e.minutes() : LoginMessages.CREDENTIALS);
        }
    }

    private static void providerSignInRefused(RoutingContext rc) {
        if (rc.response().getStatusCode() == 401) {
            backToLoginPage(rc, LoginMessages.PROVIDER);
        }
    }

    private static void backToLoginPage(RoutingContext rc, String reason) {
        rc.response().setStatusCode(302);
        rc.response().headers().remove("WWW-Authenticate");
        rc.response().headers().set(HttpHeaders.LOCATION, "/login?error=" + reason);
    }
}
