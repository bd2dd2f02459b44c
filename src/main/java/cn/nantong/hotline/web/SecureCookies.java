package cn.nantong.hotline.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks every cookie the service sets as Secure when {@code hotline.web.secure-cookies} is on. Quarkus form
 * authentication only does so when the connection itself is TLS, which it is not behind a TLS-terminating
 * ingress; without this the session cookie would also travel over plain HTTP.
 */
@ApplicationScoped
public class SecureCookies {

    private final boolean secure;

    SecureCookies(@ConfigProperty(name = "hotline.web.secure-cookies", defaultValue = "true") boolean secure) {
        this.secure = secure;
    }

    void register(@Observes Filters filters) {
        if (!secure) {
            return;
        }
        filters.register(rc -> {
            // Runs before Vert.x writes the response's cookies into Set-Cookie headers.
            rc.addHeadersEndHandler(v -> rc.request().cookies().forEach(SecureCookies::secure));
            rc.next();
        }, 100);
    }

    /** Only cookies set by this response: touching one the browser sent would send it back unasked. */
    private static void secure(Cookie cookie) {
        if (cookie instanceof ServerCookie set && set.isChanged()) {
            cookie.setSecure(true);
        }
    }
}
