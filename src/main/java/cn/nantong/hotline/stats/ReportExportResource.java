package cn.nantong.hotline.stats;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The monthly report's files: department figures and the red-light list as CSV or .xlsx, with the board's
 * filters. Only the coordination center and administrators export; the files carry no caller numbers.
 */
@Path("/api/stats/exports")
@RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
public class ReportExportResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final StatsService stats;
    private final RedLights redLights;

    ReportExportResource(StatsService stats, RedLights redLights) {
        this.stats = stats;
        this.redLights = redLights;
    }

    @GET
    @Path("/{table}.{format}")
    public Response export(@PathParam("table") String table, @PathParam("format") String format,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("district") String district) {
        StatsService.Period p = stats.period(from, to, district);
        ReportTable report = switch (table) {
            case "departments" -> MonthlyReport.departments(stats.departments(p));
            case "red-lights" -> MonthlyReport.redLights(redLights.list(p));
            default -> throw ProblemException.notFound("没有名为 " + table + " 的报表，可选：departments、red-lights。");
        };
        String name = table + "-" + p.from() + "-" + p.to() + "." + format;
        return switch (format) {
            case "csv" -> file(ReportFiles.csv(report), CSV, name);
            case "xlsx" -> file(ReportFiles.xlsx(report), XLSX, name);
            default -> throw ProblemException.notFound("不支持的格式 " + format + "，可选：csv、xlsx。");
        };
    }

    private static Response file(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
