package cn.nantong.hotline.supervision;

import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.ticket.TicketViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Flagged template and empty replies (模板化答复), for the coordinator to accept or send back. */
@Path("/api/supervision/reply-flags")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class ReplyFlagResource {

    private final ReplyReview review;
    private final CaseQueries queries;
    private final CurrentUser user;

    ReplyFlagResource(ReplyReview review, CaseQueries queries, CurrentUser user) {
        this.review = review;
        this.queries = queries;
        this.user = user;
    }

    @GET
    public TicketViews.Page<CaseViews.FlagView> list(@QueryParam("status") String status, @QueryParam("page") String page,
                                                     @QueryParam("size") String size) {
        return queries.flags(status, page, size);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.FlagView accept(@PathParam("id") long id, @Valid CaseRequests.Note r) {
        return queries.flagView(review.accept(id, r == null ? null : r.note(), user.username()));
    }

    @POST
    @Path("/{id}/send-back")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.FlagView sendBack(@PathParam("id") long id, @Valid @NotNull(message = "请求正文不能为空") CaseRequests.SendBack r) {
        return queries.flagView(review.sendBack(id, r.reason().strip(), user.username()));
    }
}
