package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.Consumer;

/** Intake and every lifecycle action of tickets. Thin: rules live in {@link TicketLifecycle}. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TicketResource {

    private static final String BODY_REQUIRED = "请求正文不能为空";

    private final TicketService tickets;
    private final TicketQueries queries;
    private final TicketMapper mapper;
    private final IdempotencyGuard idempotency;
    private final CurrentUser user;
    private final ObjectMapper json;
    private final TicketImport importer;
    private final PhoneReveal reveal;

    TicketResource(TicketService tickets, TicketQueries queries, TicketMapper mapper, IdempotencyGuard idempotency,
                   CurrentUser user, ObjectMapper json, TicketImport importer, PhoneReveal reveal) {
        this.importer = importer;
        this.reveal = reveal;
        this.tickets = tickets;
        this.queries = queries;
        this.mapper = mapper;
        this.idempotency = idempotency;
        this.user = user;
        this.json = json;
    }

    @POST
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Response intake(@HeaderParam("Idempotency-Key") String key,
                           @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.Intake request) {
        return idempotency.run(user.username(), key, fingerprint("intake", request), () -> {
            Ticket t = tickets.intake(request, user.username(), false);
            return new IdempotencyGuard.Outcome(201, mapper.view(t, null, access()));
        });
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.DEPARTMENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public TicketViews.Page<TicketViews.TicketSummary> list(@QueryParam("status") String status,
                                                            @QueryParam("department") String department,
                                                            @QueryParam("light") String light,
                                                            @QueryParam("district") String district,
                                                            @QueryParam("type") String type,
                                                            @QueryParam("from") String from, @QueryParam("to") String to,
                                                            @QueryParam("q") String q, @QueryParam("page") String page,
                                                            @QueryParam("size") String size) {
        return queries.list(new TicketQueries.Filter(status, department, light, district, type, from, to, q, page, size),
                access());
    }

    /**
     * History import from a legacy system: each record is processed exactly as live intake (its own
     * transaction), in order; a bad record is answered in place with its index and reason.
     */
    @POST
    @Path("/import")
    @RolesAllowed(Role.ADMIN_NAME)
    public List<Object> importHistory(@NotNull(message = BODY_REQUIRED) List<TicketRequests.Intake> records) {
        return importer.run(records, user.username());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.AGENT_NAME, Role.DEPARTMENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public TicketViews.TicketView get(@PathParam("id") long id) {
        return queries.detail(id, access());
    }

    /**
     * The caller's full number, for calling back. A POST so the answer is never cached or prefetched; safe to
     * retry, as it changes nothing but the audit log, where every reveal is an entry.
     */
    @POST
    @Path("/{id}/reveal-phone")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Role.AGENT_NAME, Role.DEPARTMENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response revealPhone(@PathParam("id") long id) {
        return Response.ok(reveal.reveal(id, access())).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/dispatch")
    @RolesAllowed({Role.AGENT_NAME, Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public Response dispatch(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                             @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.Dispatch r) {
        boolean override = Boolean.TRUE.equals(r.override());
        if (override && !user.hasRole(Role.COORDINATOR)) {
            throw ProblemException.forbidden("只有便民服务中心协调员可以把工单再次派给退回过它的部门（override）。");
        }
        tickets.checkDepartment("lead", r.lead());
        List<String> co = r.co() == null ? List.of() : r.co().stream().map(String::strip).toList();
        co.forEach(c -> tickets.checkDepartment("co", c));
        return act(id, key, "dispatch", r, t -> tickets.lifecycle().dispatch(t, r.lead().strip(), co, r.note(),
                user.username(), tickets.now(), override));
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public Response accept(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key) {
        return act(id, key, "accept", null, t -> tickets.lifecycle().accept(t, access().actingDepartment(),
                user.username(), tickets.now()));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public Response returnTicket(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                                 @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.Return r) {
        return act(id, key, "return", r, t -> tickets.lifecycle().returnTicket(t, access().actingDepartment(),
                r.reason().strip(), user.username(), tickets.now()));
    }

    @POST
    @Path("/{id}/reply")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public Response reply(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                          @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.Reply r) {
        return act(id, key, "reply", r, t -> tickets.reply(t, access().actingDepartment(), r.text().strip(),
                r.outcome(), user.username()));
    }

    @POST
    @Path("/{id}/await-caller")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public Response awaitCaller(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                                @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.AwaitCaller r) {
        return act(id, key, "await-caller", r, t -> tickets.lifecycle().awaitCaller(t, access().actingDepartment(),
                r.reason().strip(), user.username(), tickets.now()));
    }

    @POST
    @Path("/{id}/caller-info")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Response callerInfo(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                               @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.CallerInfo r) {
        return act(id, key, "caller-info", r, t -> tickets.lifecycle().callerInfo(t, r.note().strip(),
                user.username(), tickets.now()));
    }

    @POST
    @Path("/{id}/extension")
    @RolesAllowed(Role.DEPARTMENT_NAME)
    public Response extension(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                              @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.Extension r) {
        return act(id, key, "extension", r, t -> tickets.lifecycle().requestExtension(t, access().actingDepartment(),
                r.workingDays(), r.reason().strip(), user.username(), tickets.now()));
    }

    @POST
    @Path("/{id}/extension-decision")
    @RolesAllowed(Role.COORDINATOR_NAME)
    public Response extensionDecision(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                                      @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.ExtensionDecision r) {
        return act(id, key, "extension-decision", r, t -> tickets.lifecycle().decideExtension(t, r.department().strip(),
                r.approve(), r.note(), user.username(), tickets.now()));
    }

    @POST
    @Path("/{id}/callback")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public Response callback(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String key,
                             @Valid @NotNull(message = BODY_REQUIRED) TicketRequests.Callback r) {
        return act(id, key, "callback", r, t -> tickets.lifecycle().callback(t, r.satisfaction(), r.resolved(),
                r.note(), user.username(), tickets.now()));
    }

    private Response act(long id, String key, String action, Object body, Consumer<Ticket> change) {
        Access access = access();
        return idempotency.run(user.username(), key, fingerprint(action + "/" + id, body), () -> {
            Ticket t = tickets.act(id, access, action, change);
            return new IdempotencyGuard.Outcome(200, queries.detailOf(t, access));
        });
    }

    private Access access() {
        return new Access(user.username(), user.role(), user.department());
    }

    private String fingerprint(String action, Object body) {
        try {
            return action + " " + json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
