package cn.nantong.hotline.kb;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The editors' side of the 热线百科: create, update, retire, history, stale list, gaps and the sync report. */
@Path("/api/kb")
@RolesAllowed({Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class KbEditorResource {

    private final KbEditService edits;
    private final KbQueries queries;
    private final KbEditorQueries editorQueries;
    private final KbIndexService index;
    private final GapRecorder gaps;
    private final CurrentUser user;

    KbEditorResource(KbEditService edits, KbQueries queries, KbEditorQueries editorQueries, KbIndexService index,
                     GapRecorder gaps, CurrentUser user) {
        this.edits = edits;
        this.queries = queries;
        this.editorQueries = editorQueries;
        this.index = index;
        this.gaps = gaps;
        this.user = user;
    }

    /** An entry as an editor submits it; {@code version} is the one they edited (required for updates). */
    public record EntryRequest(
            @NotBlank(message = "id 不能为空") String id,
            @NotBlank(message = "标题不能为空") @Size(max = 200, message = "标题最多 200 字") String title,
            @NotBlank(message = "分类不能为空") @Size(max = 50, message = "分类最多 50 字") String category,
            @NotBlank(message = "主管部门不能为空") String department,
            List<@NotBlank(message = "关键词不能为空") String> keywords,
            @NotBlank(message = "正文不能为空") @Size(max = 20000, message = "正文最多 20000 字") String body,
            LocalDate effective,
            LocalDate reviewBy,
            Integer version,
            @Size(max = 500, message = "修改说明最多 500 字") String note) {

        KbDocument toDocument() {
            return new KbDocument(id.strip(), title.strip(), category.strip(), department.strip(), keywords, body,
                    effective, reviewBy);
        }
    }

    public record RetireRequest(@NotNull(message = "请提供您看到的版本号 version") Integer version,
                                @Size(max = 500, message = "下线原因最多 500 字") String note) {
    }

    public record FeedbackRequest(@NotBlank(message = "请提供查询内容 query") @Size(max = 2000) String query,
                                  String entryId, boolean helpful) {
    }

    @POST
    @Path("/entries")
    public Response create(@Valid @NotNull(message = "请求正文不能为空") EntryRequest request) {
        KbEntry entry = edits.create(request.toDocument(), user.username(), request.note());
        index.publish(entry);
        return Response.created(URI.create("/api/kb/entries/" + entry.id)).entity(queries.any(entry.id)).build();
    }

    @PUT
    @Path("/entries/{id}")
    public KbViews.Entry update(@PathParam("id") String id,
                                @Valid @NotNull(message = "请求正文不能为空") EntryRequest request) {
        if (request.version() == null) {
            throw ProblemException.badRequest("version", "请提供您编辑的版本号 version，以免覆盖他人的修改。");
        }
        KbEntry entry = edits.update(id, request.toDocument(), request.version(), user.username(), request.note());
        index.publish(entry);
        return queries.any(id);
    }

    @POST
    @Path("/entries/{id}/retire")
    public KbViews.Entry retire(@PathParam("id") String id,
                                @Valid @NotNull(message = "请求正文不能为空") RetireRequest request) {
        KbEntry entry = edits.retire(id, request.version(), user.username(), request.note());
        index.publish(entry);
        return queries.any(id);
    }

    @GET
    @Path("/entries/{id}/versions")
    public List<KbViews.Version> versions(@PathParam("id") String id) {
        return queries.versions(id);
    }

    @GET
    @Path("/entries/{id}/versions/{version}")
    public KbDocument version(@PathParam("id") String id, @PathParam("version") int version) {
        return queries.version(id, version);
    }

    @GET
    @Path("/stale")
    public List<KbViews.EntrySummary> stale() {
        return queries.stale();
    }

    @GET
    @Path("/gaps")
    public List<GapRecorder.Gap> gaps(@QueryParam("limit") @DefaultValue("100")
                                      @Min(value = 1, message = "limit 至少为 1") @Max(value = 1000, message = "limit 最多 1000") int limit) {
        return gaps.top(limit);
    }

    public record PreviewRequest(@Size(max = 20000, message = "正文最多 20000 字") String body) {
    }

    /** {@code html} is the body exactly as the public entry page shows it: Markdown with raw HTML escaped. */
    public record Preview(String html) {
    }

    /** Renders a body being edited, so the editor sees the public page before publishing. */
    @POST
    @Path("/preview")
    public Preview preview(@Valid @NotNull(message = "请求正文不能为空") PreviewRequest request) {
        return new Preview(MarkdownText.toSafeHtml(request.body()));
    }

    @GET
    @Path("/sync-report")
    public KbViews.SyncReport syncReport() {
        KbSyncService.Report r = index.lastSync();
        return new KbViews.SyncReport(r.created(), r.updated(), r.retired(), r.unchanged(), r.skipped());
    }

    /** An answer a department gave to a transferred inquiry, for the editor to turn into an entry. */
    public record DraftView(long id, long ticketId, String question, String answer, String department,
                            String category, String status, Instant createdAt) {

        static DraftView of(KbDraft d) {
            return new DraftView(d.id, d.ticketId, d.question, d.answer, d.department, d.category, d.status,
                    d.createdAt);
        }
    }

    public record DraftDecision(@NotBlank(message = "请选择 PUBLISHED 或 DISMISSED") String status) {
    }

    @GET
    @Path("/drafts")
    public List<DraftView> drafts() {
        return editorQueries.openDrafts();
    }

    /** Closes a draft: PUBLISHED once an entry carries its answer, DISMISSED when it adds nothing. */
    @POST
    @Path("/drafts/{id}/decision")
    @Transactional
    public DraftView decideDraft(@PathParam("id") long id, @Valid @NotNull(message = "请求正文不能为空") DraftDecision decision) {
        KbDraft d = KbDraft.findById(id);
        if (d == null) {
            throw ProblemException.notFound("没有编号为 " + id + " 的草稿。");
        }
        if (!List.of("PUBLISHED", "DISMISSED").contains(decision.status())) {
            throw ProblemException.badRequest("status", "status 须为 PUBLISHED 或 DISMISSED。");
        }
        if (!"OPEN".equals(d.status)) {
            throw ProblemException.conflict("草稿 " + id + " 已处理（" + d.status + "）。");
        }
        d.status = decision.status();
        return DraftView.of(d);
    }

    /** An agent marks an answer as not helpful: the question joins the gap report. */
    @POST
    @Path("/feedback")
    @RolesAllowed({Role.AGENT_NAME, Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
    public Response feedback(@Valid @NotNull(message = "请求正文不能为空") FeedbackRequest request) {
        if (!request.helpful()) {
            gaps.unhelpful(request.query());
        }
        return Response.noContent().build();
    }
}
