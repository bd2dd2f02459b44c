package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.kb.KbQueries;
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

import java.util.List;

/** The 热线百科 front door and category browsing, for citizens who would rather look than ask. */
@Path("/")
@PermitAll
@PublicPage
@Produces(MediaType.TEXT_HTML)
public class PublicKbPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(KbPageViews.Home home);

        static native TemplateInstance category(KbPageViews.CategoryListing listing);
    }

    private final KbQueries queries;

    PublicKbPage(KbQueries queries) {
        this.queries = queries;
    }

    @GET
    public TemplateInstance home() {
        List<KbViews.Category> categories = queries.categories();
        long entries = categories.stream().mapToLong(KbViews.Category::entries).sum();
        return Templates.home(new KbPageViews.Home(categories, entries));
    }

    @GET
    @Path("categories/{name}")
    public TemplateInstance category(@PathParam("name") String name) {
        // The query answers an unknown category with an empty list; a citizen who mistyped deserves a 404 page.
        if (queries.categories().stream().noneMatch(c -> c.name().equals(name))) {
            throw ProblemException.notFound("没有名为“" + name + "”的分类。");
        }
        return Templates.category(new KbPageViews.CategoryListing(name, queries.inCategory(name)));
    }

    @ServerExceptionMapper
    Response refused(ProblemException e) {
        return ErrorPage.of(e);
    }
}
