package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.kb.KbSearchService;
import cn.nantong.hotline.kb.KbViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Search results as a plain GET form, so the 热线百科 works on any phone, with or without JavaScript. */
@Path("/search")
@PermitAll
@PublicPage
@Produces(MediaType.TEXT_HTML)
public class KbSearchPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(KbPageViews.Results results);
    }

    private final KbSearchService search;

    KbSearchPage(KbSearchService search) {
        this.search = search;
    }

    @GET
    public TemplateInstance results(@QueryParam("q") String q, @QueryParam("category") String category) {
        String within = category == null ? "" : category.strip();
        KbViews.SearchResult result = search.search(q, null, within, null);
        return Templates.results(new KbPageViews.Results(q.strip(), within, result.total(), result.hits()));
    }

    @ServerExceptionMapper
    Response refused(ProblemException e) {
        return ErrorPage.of(e);
    }
}
