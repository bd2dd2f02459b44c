package cn.nantong.hotline.ticket;

import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A caller's earlier tickets, for the agent on the line. Departments never browse callers. */
@Path("/api/callers")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AGENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class CallerResource {

    private final TicketQueries queries;

    CallerResource(TicketQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/{phone}/tickets")
    public List<TicketViews.TicketSummary> tickets(@PathParam("phone") String phone) {
        return queries.byCaller(phone);
    }
}
