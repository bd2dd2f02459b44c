package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.kb.KbQueries;
import cn.nantong.hotline.kb.MarkdownText;
import cn.nantong.hotline.kb.KbViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** One published 热线百科 entry, with where to do it online and a warning when it is overdue for review. */
@Path("/entries/{id}")
@PermitAll
@PublicPage
@Produces(MediaType.TEXT_HTML)
public class KbEntryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entry(KbViews.Entry entry, KbPageViews.Online online);
    }

    private final KbQueries queries;

    KbEntryPage(KbQueries queries) {
        this.queries = queries;
    }

    @GET
    public TemplateInstance entry(@PathParam("id") String id) {
        KbViews.Entry entry = queries.published(id);
        return Templates.entry(entry, new KbPageViews.Online(MarkdownText.hasOnlineGuide(entry.body()),
                MarkdownText.onlineLink(entry.body()).orElse(null)));
    }

    @ServerExceptionMapper
    Response refused(ProblemException e) {
        return ErrorPage.of(e);
    }
}
