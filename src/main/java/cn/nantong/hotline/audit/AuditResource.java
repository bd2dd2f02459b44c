package cn.nantong.hotline.audit;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.identity.Role;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The audit log for administrators, newest first; reading it is not itself audited (it holds no personal data). */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AuditResource {

    public record Entry(long id, Instant at, String actor, String role, String action, String target, Long ticketId,
                        String clientAddress, String note) {
    }

    public record Result(long total, int page, int size, List<Entry> items) {
    }

    /** {@code from} and {@code to} are city-local days, both included, as in the ticket list. */
    @GET
    @Transactional
    public Result list(@QueryParam("actor") String actor, @QueryParam("action") String action,
                       @QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("page") String page, @QueryParam("size") String size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (actor != null && !actor.isBlank()) {
            where.append(" and actor = :actor");
            params.put("actor", actor.strip());
        }
        if (action != null && !action.isBlank()) {
            where.append(" and action = :action");
            params.put("action", action.strip());
        }
        if (from != null && !from.isBlank()) {
            where.append(" and at >= :from");
            params.put("from", QueryParams.date("from", from).atStartOfDay(ClockProducer.CITY_ZONE).toInstant());
        }
        if (to != null && !to.isBlank()) {
            where.append(" and at < :to");
            params.put("to", QueryParams.date("to", to).plusDays(1).atStartOfDay(ClockProducer.CITY_ZONE).toInstant());
        }
        int p = QueryParams.integer("page", page, 0, 0, 100_000);
        int s = QueryParams.integer("size", size, 50, 1, 500);
        var query = AuditEntry.<AuditEntry>find(where.toString(), Sort.descending("at", "id"), params);
        List<Entry> items = query.page(Page.of(p, s)).list().stream().map(e -> new Entry(e.id, e.at, e.actor, e.role,
                e.action, e.target, e.ticketId, e.clientAddress, e.note)).toList();
        return new Result(query.count(), p, s, items);
    }
}
