package cn.nantong.hotline.audit;

import cn.nantong.hotline.identity.CurrentUser;
import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The role and client address of the HTTP request being served, if any (scheduled jobs have none). The
 * address is the peer's, or the client's from X-Forwarded-For / Forwarded only where
 * {@code quarkus.http.proxy.proxy-address-forwarding} is configured for trusted proxies.
 */
@ApplicationScoped
public class RequestOrigin {

    private final Instance<CurrentUser> user;
    private final Instance<CurrentVertxRequest> request;

    RequestOrigin(Instance<CurrentUser> user, Instance<CurrentVertxRequest> request) {
        this.user = user;
        this.request = request;
    }

    public String role() {
        if (!inRequest()) {
            return null;
        }
        CurrentUser u = user.get();
        return "anonymous".equals(u.username()) ? null : u.role().name();
    }

    public String clientAddress() {
        if (!inRequest() || request.get().getCurrent() == null) {
            return null;
        }
        var address = request.get().getCurrent().request().remoteAddress();
        return address == null ? null : address.hostAddress();
    }

    private static boolean inRequest() {
        return Arc.container().requestContext().isActive();
    }
}
