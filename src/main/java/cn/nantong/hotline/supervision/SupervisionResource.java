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

import java.util.List;

/** Supervision cases (督办): the coordinator's desk, and the departments' side of a notice. */
@Path("/api/supervision")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SupervisionResource {

    private static final String BODY_REQUIRED = "请求正文不能为空";

    private final SupervisionService cases;
    private final CaseQueries queries;
    private final CurrentUser user;

    SupervisionResource(SupervisionService cases, CaseQueries queries, CurrentUser user) {
        this.cases = cases;
        this.queries = queries;
        this.user = user;
    }

    @GET
    @Path("/cases")
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public TicketViews.Page<CaseViews.CaseView> list(@QueryParam("status") String status, @QueryParam("ticket") String ticket,
                                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        return queries.list(status, ticket, page, size);
    }

    @GET
    @Path("/cases/{id}")
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME, Role.DEPARTMENT_NAME})
    public CaseViews.CaseView get(@PathParam("id") long id) {
        return queries.detail(id, ownDepartment());
    }

    /** 督办单 addressed to the user's department, shown at the top of its queue. */
    @GET
    @Path("/notices")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public List<CaseViews.CaseView> notices() {
        return queries.noticesFor(user.department());
    }

    @POST
    @Path("/cases/{id}/assign")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.CaseView assign(@PathParam("id") long id, @Valid @NotNull(message = BODY_REQUIRED) CaseRequests.Assign r) {
        List<String> co = r.co() == null ? List.of() : r.co().stream().map(String::strip).toList();
        return queries.view(cases.assign(id, r.lead().strip(), co, r.deadline(), r.note(), user.username()));
    }

    @POST
    @Path("/cases/{id}/notice")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.CaseView notice(@PathParam("id") long id, @Valid @NotNull(message = BODY_REQUIRED) CaseRequests.Text r) {
        return queries.view(cases.notice(id, r.text().strip(), user.username()));
    }

    @POST
    @Path("/cases/{id}/notes")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.CaseView note(@PathParam("id") long id, @Valid @NotNull(message = BODY_REQUIRED) CaseRequests.Text r) {
        return queries.view(cases.note(id, r.text().strip(), user.username()));
    }

    @POST
    @Path("/cases/{id}/responses")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public CaseViews.CaseView respond(@PathParam("id") long id, @Valid @NotNull(message = BODY_REQUIRED) CaseRequests.Text r) {
        cases.visible(id, user.department());
        return queries.view(cases.respond(id, user.department(), r.text().strip(), user.username()));
    }

    @POST
    @Path("/cases/{id}/resolve")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.CaseView resolve(@PathParam("id") long id, @Valid CaseRequests.Note r) {
        return queries.view(cases.resolve(id, r == null ? null : r.note(), user.username()));
    }

    @POST
    @Path("/cases/{id}/close")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public CaseViews.CaseView close(@PathParam("id") long id, @Valid CaseRequests.Note r) {
        return queries.view(cases.close(id, r == null ? null : r.note(), user.username()));
    }

    private String ownDepartment() {
        return user.hasRole(Role.DEPARTMENT) ? user.department() : null;
    }
}
