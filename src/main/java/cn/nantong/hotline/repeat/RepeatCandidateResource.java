package cn.nantong.hotline.repeat;

import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.ticket.TicketRequests;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Likely earlier tickets while the agent types a call. A class of its own: its literal path must out-rank
 * the ticket resource's {@code /api/tickets/{id}} when requests are matched to resources.
 */
@Path("/api/tickets/repeat-candidates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepeatCandidateResource {

    private final RepeatQueries queries;

    RepeatCandidateResource(RepeatQueries queries) {
        this.queries = queries;
    }

    /** The same body as intake; nothing is stored. */
    @POST
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public List<RepeatViews.Candidate> candidates(@Valid @NotNull(message = "请求正文不能为空") TicketRequests.Intake draft) {
        return queries.candidates(draft);
    }
}
