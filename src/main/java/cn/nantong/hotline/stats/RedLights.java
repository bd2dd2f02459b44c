package cn.nantong.hotline.stats;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.ticket.Assignment;
import cn.nantong.hotline.ticket.AssignmentStatus;
import cn.nantong.hotline.ticket.Light;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 亮红灯: open assignments the light scan turned red, by department. The same red as the department figures'
 * {@code currentlyRed}, narrowed to assignments dispatched in the period (and tickets of its district).
 */
@ApplicationScoped
public class RedLights {

    /** One red assignment; no caller data beyond the complaint's opening words. */
    public record RedTicket(long ticketId, String number, String department, String departmentName, boolean lead,
                            String district, String contentPreview, Instant dispatchedAt, Instant replyDueAt,
                            Instant redSince) {
    }

    public record DepartmentGroup(String department, String departmentName, List<RedTicket> tickets) {
    }

    private final Directory directory;

    RedLights(Directory directory) {
        this.directory = directory;
    }

    /** Red assignments in directory order of their departments, longest red first within one. */
    @Transactional
    public List<RedTicket> list(StatsService.Period p) {
        Map<String, Object> params = new HashMap<>(Map.of("red", Light.RED, "from", StatsService.start(p),
                "to", StatsService.end(p), "open", List.of(AssignmentStatus.DISPATCHED, AssignmentStatus.ACCEPTED,
                        AssignmentStatus.AWAITING_CALLER)));
        String where = "a.light = :red and a.status in (:open) and a.dispatchedAt >= :from and a.dispatchedAt < :to";
        if (p.district() != null) {
            where += " and t.district = :district";
            params.put("district", p.district());
        }
        Map<String, Integer> order = new HashMap<>();
        directory.departments().forEach(d -> order.put(d.code(), order.size()));
        return Assignment.<Assignment>find("select a from Assignment a join fetch a.ticket t where " + where, params)
                .list().stream()
                .map(a -> new RedTicket(a.ticket.id, a.ticket.number, a.department, directory.name(a.department),
                        a.isLead(), a.ticket.district, a.ticket.contentPreview(), a.dispatchedAt, a.replyDueAt,
                        a.redSince))
                .sorted(Comparator.<RedTicket>comparingInt(r -> order.getOrDefault(r.department(), Integer.MAX_VALUE))
                        .thenComparing(RedTicket::redSince, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(RedTicket::number))
                .toList();
    }

    /** The list cut into one group per department, keeping its order. */
    public static List<DepartmentGroup> byDepartment(List<RedTicket> red) {
        Map<String, List<RedTicket>> groups = new LinkedHashMap<>();
        red.forEach(r -> groups.computeIfAbsent(r.department(), d -> new ArrayList<>()).add(r));
        return groups.values().stream()
                .map(g -> new DepartmentGroup(g.get(0).department(), g.get(0).departmentName(), g)).toList();
    }
}
