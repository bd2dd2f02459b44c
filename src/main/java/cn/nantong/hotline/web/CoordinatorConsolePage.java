package cn.nantong.hotline.web;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.stats.BoardFigures;
import cn.nantong.hotline.stats.RedLights;
import cn.nantong.hotline.stats.StatsService;
import cn.nantong.hotline.supervision.CaseQueries;
import cn.nantong.hotline.supervision.CaseViews;
import cn.nantong.hotline.ticket.ExtensionRequests;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The coordination center's board (督办台): supervision cases, red lights, extension requests, flagged replies,
 * hot topics and department figures with charts and exports. Rendered once with the filters of the query
 * string; the script {@code /assets/coordinator-console.js} opens cases and takes decisions through the JSON API.
 */
@Path("/console/coordinator")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class CoordinatorConsolePage {

    /** The newest unclosed cases and pending flags shown on the board; the supervision API pages through all. */
    private static final String CASES_SHOWN = "30";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance coordinator(ConsoleViews.Frame frame, CoordinatorViews.Board board);
    }

    private final ConsoleFrames frames;
    private final Directory directory;
    private final StatsService stats;
    private final BoardFigures boardFigures;
    private final RedLights redLights;
    private final CaseQueries cases;
    private final ExtensionRequests extensions;

    CoordinatorConsolePage(ConsoleFrames frames, Directory directory, StatsService stats, BoardFigures boardFigures,
                           RedLights redLights, CaseQueries cases, ExtensionRequests extensions) {
        this.frames = frames;
        this.directory = directory;
        this.stats = stats;
        this.boardFigures = boardFigures;
        this.redLights = redLights;
        this.cases = cases;
        this.extensions = extensions;
    }

    @GET
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance board(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("district") String district) {
        StatsService.Period period;
        ProblemException refused = null;
        try {
            period = stats.period(from, to, district);
        } catch (ProblemException e) {
            // A mistyped filter should not cost the coordinator the whole board: show the defaults and say why.
            refused = e;
            period = stats.period(null, null, null);
        }
        var caseList = cases.list(null, null, "0", CASES_SHOWN);
        List<CaseViews.CaseView> open = caseList.items().stream().filter(c -> !"CLOSED".equals(c.status())).toList();
        var flagList = cases.flags(null, "0", CASES_SHOWN);
        List<RedLights.RedTicket> red = redLights.list(period);
        BoardFigures.Figures figures = boardFigures.of(period);
        var board = new CoordinatorViews.Board(frames.role() == Role.COORDINATOR, filters(period, refused), open,
                caseList.total(),
                RedLights.byDepartment(red), red.size(), extensions.pending(),
                flagList.items(), flagList.total(), figures.hot(), figures.departments(),
                CoordinatorFormat.timeOfDay(figures.computedAt()),
                directory.departments(), CoordinatorFormat.TRIGGERS, CoordinatorFormat.CASE_STATUSES);
        return Templates.coordinator(frames.frame(ConsoleNav.title(Role.COORDINATOR), ConsoleNav.home(Role.COORDINATOR)),
                board);
    }

    private CoordinatorViews.Filters filters(StatsService.Period p, ProblemException refused) {
        String query = "from=" + p.from() + "&to=" + p.to()
                + (p.district() == null ? "" : "&district=" + URLEncoder.encode(p.district(), StandardCharsets.UTF_8));
        String field = refused == null ? null : refused.toProblem(null).errors().stream().findFirst()
                .map(e -> e.field()).orElse(null);
        return new CoordinatorViews.Filters(p.from().toString(), p.to().toString(), p.district(), directory.districts(),
                refused == null ? null : refused.getMessage(), field, query);
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
