package cn.nantong.hotline.audit;

import cn.nantong.hotline.identity.CurrentUser;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.util.Set;

/**
 * Audits every successful change made through the API outside tickets — knowledge-base edits, routing rule
 * replacement, supervision steps, repeat merges and splits, reply-flag decisions — without touching those
 * features: the action is the endpoint ({@code RoutingRule.replace}), the target the request path.
 * Tickets and callers are audited in their own transactions (see {@link TicketAudit}).
 */
public class ChangeAudit {

    /** Resources that audit themselves with more detail (tickets, accounts, time limits); never a password. */
    private static final Set<String> SELF_AUDITED = Set.of("TicketResource", "CallerResource", "AccountResource",
            "CalendarAdminResource", "TimeLimitAdminResource");

    private final AuditLog log;
    private final CurrentUser user;

    ChangeAudit(AuditLog log, CurrentUser user) {
        this.log = log;
        this.user = user;
    }

    @ServerResponseFilter
    public void afterChange(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        if (resource == null || HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod())
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        String resourceName = resource.getResourceClass().getSimpleName();
        if (SELF_AUDITED.contains(resourceName) || "anonymous".equals(user.username())) {
            return;
        }
        String action = resourceName.replaceFirst("Resource$", "") + "." + resource.getMethodName();
        log.record(user.username(), action, request.getUriInfo().getPath(), null, null);
    }
}
