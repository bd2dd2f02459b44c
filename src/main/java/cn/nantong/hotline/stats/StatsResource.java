package cn.nantong.hotline.stats;

import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Figures for the coordination center: which department is late, returns, and leaves callers unsatisfied. */
@Path("/api/stats")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class StatsResource {

    private final StatsService stats;
    private final HotTopics hot;

    StatsResource(StatsService stats, HotTopics hot) {
        this.stats = stats;
        this.hot = hot;
    }

    /** The largest and fastest-growing repeat clusters and the commonest problem types per district. */
    @GET
    @Path("/hot")
    public HotTopics.Board hot(@QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("district") String district) {
        return hot.board(stats.period(from, to, district));
    }

    /** The period, its district (null: the whole city) and one row per department, in directory order. */
    public record DepartmentsReport(String from, String to, String district, List<DepartmentStats> departments) {
    }

    @GET
    @Path("/departments")
    public DepartmentsReport departments(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("district") String district) {
        StatsService.Period p = stats.period(from, to, district);
        return new DepartmentsReport(p.from().toString(), p.to().toString(), p.district(), stats.departments(p));
    }
}
