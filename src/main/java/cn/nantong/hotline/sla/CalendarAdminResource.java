package cn.nantong.hotline.sla;

import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.sla.SlaAdmin.CalendarView;
import cn.nantong.hotline.sla.SlaAdmin.DayView;
import cn.nantong.hotline.sla.SlaAdmin.NewDay;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The holiday calendar (放假 and 调休上班 dates) as administrators edit it; audits itself through {@link SlaAdmin}. */
@Path("/api/admin/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class CalendarAdminResource {

    private final SlaAdmin admin;
    private final CurrentUser user;

    CalendarAdminResource(SlaAdmin admin, CurrentUser user) {
        this.admin = admin;
        this.user = user;
    }

    @GET
    public CalendarView list(@QueryParam("year") String year) {
        return admin.calendar(year == null || year.isBlank() ? null : QueryParams.integer("year", year, 0, 2000, 2100));
    }

    @POST
    public Response add(@NotNull(message = "请求正文不能为空") NewDay request) {
        DayView day = admin.addDay(request, user.username());
        return Response.created(URI.create("/api/admin/calendar/" + day.date())).entity(day).build();
    }

    /** Removes the administrator's entry; a configured date underneath applies again. */
    @DELETE
    @Path("{date}")
    public Response remove(@PathParam("date") String date) {
        admin.removeDay(date, user.username());
        return Response.noContent().build();
    }
}
