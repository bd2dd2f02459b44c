package cn.nantong.hotline.repeat;

import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Clusters, and the coordinator's merge and split. */
@Path("/api/repeat")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepeatResource {

    private static final String BODY_REQUIRED = "请求正文不能为空";

    private final RepeatQueries queries;
    private final ClusterEditing editing;
    private final CurrentUser user;

    RepeatResource(RepeatQueries queries, ClusterEditing editing, CurrentUser user) {
        this.queries = queries;
        this.editing = editing;
        this.user = user;
    }

    @GET
    @Path("/clusters/{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public RepeatViews.ClusterView cluster(@PathParam("id") long id) {
        return queries.cluster(id);
    }

    @POST
    @Path("/clusters/{id}/merge")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public RepeatViews.ClusterView merge(@PathParam("id") long id, @Valid @NotNull(message = BODY_REQUIRED) RepeatViews.Merge r) {
        return queries.cluster(editing.merge(id, r.into(), r.note(), user.username()).id);
    }

    @POST
    @Path("/tickets/{ticketId}/split")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public RepeatViews.ClusterView split(@PathParam("ticketId") long ticketId, @Valid RepeatViews.Split r) {
        return queries.cluster(editing.split(ticketId, r == null ? null : r.note(), user.username()).id);
    }
}
