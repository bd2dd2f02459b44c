package cn.nantong.hotline.kb;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The public 热线百科: search, suggestions, categories and entries. No login, so citizens can serve themselves. */
@Path("/api/kb")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class KbResource {

    private final KbSearchService search;
    private final KbQueries queries;

    KbResource(KbSearchService search, KbQueries queries) {
        this.search = search;
        this.queries = queries;
    }

    @GET
    @Path("/search")
    public KbViews.SearchResult search(@QueryParam("q") String q, @QueryParam("limit") String limit,
                                       @QueryParam("category") String category,
                                       @QueryParam("department") String department) {
        return search.search(q, limit, category, department);
    }

    @GET
    @Path("/suggest")
    public List<KbViews.Suggestion> suggest(@QueryParam("prefix") String prefix, @QueryParam("limit") String limit) {
        return search.suggest(prefix, limit);
    }

    @GET
    @Path("/categories")
    public List<KbViews.Category> categories() {
        return queries.categories();
    }

    @GET
    @Path("/categories/{name}/entries")
    public List<KbViews.EntrySummary> inCategory(@PathParam("name") String name) {
        return queries.inCategory(name);
    }

    @GET
    @Path("/entries/{id}")
    public KbViews.Entry entry(@PathParam("id") String id) {
        return queries.published(id);
    }
}
