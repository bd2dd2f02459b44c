package cn.nantong.hotline.ticket;

import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * A caller's earlier tickets, for the agent on the line. Departments never browse callers. The number goes in
 * the body: a number in a URL ends up in access logs, proxies and browser history.
 */
@Path("/api/callers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class CallerResource {

    public record CallerQuery(@NotBlank(message = "请填写来电号码") String phone) {
    }

    private final TicketQueries queries;
    private final CurrentUser user;

    CallerResource(TicketQueries queries, CurrentUser user) {
        this.queries = queries;
        this.user = user;
    }

    @POST
    @Path("/tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<TicketViews.TicketSummary> tickets(@Valid @NotNull(message = "请求正文不能为空") CallerQuery query) {
        return queries.byCaller(query.phone(), user.username());
    }
}
