package cn.nantong.hotline.sla;

import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.sla.SlaAdmin.ReplyLimitChange;
import cn.nantong.hotline.sla.SlaAdmin.ReplyLimitView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Ordinary reply limits per ticket type as administrators adjust them; audits itself through {@link SlaAdmin}. */
@Path("/api/admin/time-limits")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class TimeLimitAdminResource {

    private final SlaAdmin admin;
    private final CurrentUser user;

    TimeLimitAdminResource(SlaAdmin admin, CurrentUser user) {
        this.admin = admin;
        this.user = user;
    }

    @GET
    public List<ReplyLimitView> list() {
        return admin.replyLimits();
    }

    @PUT
    @Path("{type}")
    public ReplyLimitView set(@PathParam("type") String type, @NotNull(message = "请求正文不能为空") ReplyLimitChange request) {
        return admin.setReplyLimit(type, request, user.username());
    }

    /** Back to the configured limit. */
    @DELETE
    @Path("{type}")
    public Response reset(@PathParam("type") String type) {
        admin.removeReplyLimit(type, user.username());
        return Response.noContent().build();
    }
}
