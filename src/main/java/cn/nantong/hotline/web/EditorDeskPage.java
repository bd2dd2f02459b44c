package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.kb.GapRecorder;
import cn.nantong.hotline.kb.KbEditorQueries;
import cn.nantong.hotline.kb.KbEditorResource;
import cn.nantong.hotline.kb.KbQueries;
import cn.nantong.hotline.kb.KbViews;
import cn.nantong.hotline.kb.VersionDiff;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The 热线百科 editors' desk: work lists and entries, the editor with live preview, and version history with
 * diffs. Pages are rendered here; saving, preview and draft decisions go through the JSON API from
 * {@code /assets/editor-desk.js}. The entry is a query parameter rather than a path segment because the CSRF
 * filter hands out tokens only on the fixed paths listed in {@code quarkus.rest-csrf.create-token-path}.
 */
@Path("/console/editor")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class EditorDeskPage {

    private static final int GAPS_SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance desk(ConsoleViews.Frame frame, EditorViews.Desk desk);

        static native TemplateInstance editor(ConsoleViews.Frame frame, EditorViews.Form form);

        static native TemplateInstance history(ConsoleViews.Frame frame, EditorViews.History history);
    }

    private final ConsoleFrames frames;
    private final KbEditorQueries editorQueries;
    private final KbQueries queries;
    private final GapRecorder gaps;
    private final Directory directory;

    EditorDeskPage(ConsoleFrames frames, KbEditorQueries editorQueries, KbQueries queries, GapRecorder gaps,
                   Directory directory) {
        this.frames = frames;
        this.editorQueries = editorQueries;
        this.queries = queries;
        this.gaps = gaps;
        this.directory = directory;
    }

    @GET
    @RolesAllowed({Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance desk(@QueryParam("q") String text, @QueryParam("category") String category,
                                 @QueryParam("state") String state) {
        KbEditorQueries.State chosen = Arrays.stream(KbEditorQueries.State.values())
                .filter(s -> s.name().equals(state)).findFirst().orElse(null);
        List<EditorViews.Option> categories = Stream.concat(
                Stream.of(new EditorViews.Option("", "全部分类", category == null || category.isEmpty())),
                editorQueries.categories().stream().map(c -> new EditorViews.Option(c, c, c.equals(category)))).toList();
        List<EditorViews.Option> states = Stream.concat(
                Stream.of(new EditorViews.Option("", "全部状态", chosen == null)),
                Arrays.stream(KbEditorQueries.State.values())
                        .map(s -> new EditorViews.Option(s.name(), s.label(), s == chosen))).toList();
        var filter = new EditorViews.Filter(text == null ? "" : text, categories, states);
        return Templates.desk(frame(), new EditorViews.Desk(filter, editorQueries.entries(text, category, chosen),
                queries.stale(), gaps.top(GAPS_SHOWN), editorQueries.openDrafts()));
    }

    /** A new entry, empty or started from a gap's question ({@code title}) or a department's reply ({@code draft}). */
    @GET
    @Path("new")
    @RolesAllowed({Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance create(@QueryParam("title") String title, @QueryParam("draft") Long draftId) {
        if (draftId != null) {
            KbEditorResource.DraftView d = editorQueries.draft(draftId);
            return Templates.editor(frame(), new EditorViews.Form(true, "", 0, "", orEmpty(d.category()),
                    d.department(), "", "", "", d.answer(), false, d.id(), d.question(), false,
                    directory.departments(), editorQueries.categories()));
        }
        return Templates.editor(frame(), new EditorViews.Form(true, "", 0, orEmpty(title), "", "", "", "", "", "",
                false, null, null, false, directory.departments(), editorQueries.categories()));
    }

    @GET
    @Path("edit")
    @RolesAllowed({Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance edit(@QueryParam("id") String id, @QueryParam("published") boolean published) {
        KbViews.Entry e = entry(id);
        return Templates.editor(frame(), new EditorViews.Form(false, e.id(), e.version(), e.title(), e.category(),
                e.department(), String.join("、", e.keywords()), date(e.effective()), date(e.reviewBy()), e.body(),
                e.retired(), null, null, published, directory.departments(), editorQueries.categories()));
    }

    /** The versions of an entry and what changed between two of them: by default the latest change. */
    @GET
    @Path("history")
    @RolesAllowed({Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance history(@QueryParam("id") String id, @QueryParam("from") Integer from,
                                    @QueryParam("to") Integer to) {
        KbViews.Entry e = entry(id);
        int newer = to == null ? e.version() : to;
        int older = from == null ? Math.max(1, newer - 1) : from;
        VersionDiff.Result diff = older == newer ? null
                : VersionDiff.between(queries.version(id, older), queries.version(id, newer), queries::departmentName);
        return Templates.history(frame(),
                new EditorViews.History(id, e.title(), queries.versions(id), older, newer, diff));
    }

    private KbViews.Entry entry(String id) {
        if (id == null || id.isBlank()) {
            throw ProblemException.notFound("请指定要编辑的条目 id。");
        }
        return queries.any(id);
    }

    private ConsoleViews.Frame frame() {
        return frames.frame(ConsoleNav.title(Role.KB_EDITOR), ConsoleNav.home(Role.KB_EDITOR));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    @ServerExceptionMapper
    Response notFound(ProblemException e) {
        return ErrorPage.of(e);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(frames);
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e) {
        return ConsoleErrors.signIn();
    }
}
