package cn.nantong.hotline.stats;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.directory.Directory;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Department performance (三率, on-time, returns, reopens, red lights) in one aggregate query. */
@ApplicationScoped
public class StatsService {

    private final Directory directory;
    private final Clock clock;

    StatsService(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The period: {@code from}–{@code to} inclusive, city-local dates; the last 30 days when not given. A
     * {@code district} (null for the whole city) narrows every figure to the tickets reported there.
     */
    public record Period(LocalDate from, LocalDate to, String district) {
    }

    public Period period(String from, String to, String district) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null || from.isBlank() ? today.minusDays(29) : QueryParams.date("from", from);
        LocalDate t = to == null || to.isBlank() ? today : QueryParams.date("to", to);
        if (t.isBefore(f)) {
            throw ProblemException.badRequest("to", "结束日期 " + t + " 早于开始日期 " + f + "。");
        }
        String d = district == null || district.isBlank() ? null : district.strip();
        if (d != null && !directory.districts().contains(d)) {
            throw ProblemException.badRequest("district", "未知的区县 '" + d + "'。");
        }
        return new Period(f, t, d);
    }

    @Transactional
    public List<DepartmentStats> departments(Period p) {
        List<?> rows = withDistrict(Panache.getEntityManager().createNativeQuery("""
                select department_code,
                       count(*),
                       count(*) filter (where accepted_at is not null),
                       count(*) filter (where accepted_at <= accept_due_at),
                       count(*) filter (where replied_at is not null),
                       count(*) filter (where replied_at <= reply_due_at),
                       count(*) filter (where status = 'RETURNED' and return_reason is not null),
                       count(*) filter (where callback_satisfaction is not null),
                       count(*) filter (where callback_satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')),
                       count(*) filter (where callback_resolved),
                       count(*) filter (where callback_satisfaction = 'UNSATISFIED' or callback_resolved = false),
                       count(*) filter (where accepted_at is not null or (status = 'RETURNED' and return_reason is not null)),
                       count(distinct ticket_id) filter (where exists (select 1 from ticket t where t.id = ticket_id and t.repeat_of is not null)),
                       count(distinct ticket_id)
                from assignment
                where dispatched_at >= ?1 and dispatched_at < ?2""" + inDistrict(p, "ticket_id", 3) + """

                group by department_code""")
                .setParameter(1, start(p)).setParameter(2, end(p)), p, 3)
                .getResultList();
        Map<String, long[]> byDept = new HashMap<>();
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            long[] n = new long[row.length - 1];
            for (int i = 1; i < row.length; i++) {
                n[i - 1] = ((Number) row[i]).longValue();
            }
            byDept.put((String) row[0], n);
        }
        Map<String, Long> red = new HashMap<>();
        for (Object r : withDistrict(Panache.getEntityManager().createNativeQuery("""
                select department_code, count(*) from assignment
                where status in ('DISPATCHED', 'ACCEPTED', 'AWAITING_CALLER') and light = 'RED'"""
                + inDistrict(p, "ticket_id", 1) + " group by department_code"), p, 1).getResultList()) {
            Object[] row = (Object[]) r;
            red.put((String) row[0], ((Number) row[1]).longValue());
        }
        Map<String, Long> cases = countBy("""
                select x.d, count(distinct c.id) from supervision_case c join (
                    select l.case_id, a.department_code d from supervision_case_ticket l join assignment a on a.ticket_id = l.ticket_id
                    union select s.id, unnest(array_append(s.co_departments, s.lead_department)) from supervision_case s
                ) x on x.case_id = c.id
                where c.opened_at >= ?1 and c.opened_at < ?2 and x.d is not null"""
                + (p.district() == null ? "" : " and c.district = ?3") + " group by x.d", p);
        Map<String, Long> flags = countBy("""
                select department, count(*) from reply_flag where flagged_at >= ?1 and flagged_at < ?2"""
                + inDistrict(p, "ticket_id", 3) + " group by department", p);
        return directory.departments().stream().map(d -> {
            long[] n = byDept.getOrDefault(d.code(), new long[13]);
            return new DepartmentStats(d.code(), d.name(), n[0], rate(n[2], n[1]), rate(n[4], n[3]), rate(n[5], n[0]),
                    rate(n[9], n[6]), rate(n[7], n[6]), rate(n[8], n[6]), rate(n[10], n[0]),
                    red.getOrDefault(d.code(), 0L), rate(n[11], n[12]), cases.getOrDefault(d.code(), 0L),
                    flags.getOrDefault(d.code(), 0L));
        }).toList();
    }

    private static Map<String, Long> countBy(String sql, Period p) {
        Map<String, Long> out = new HashMap<>();
        for (Object r : withDistrict(Panache.getEntityManager().createNativeQuery(sql).setParameter(1, start(p))
                .setParameter(2, end(p)), p, 3).getResultList()) {
            Object[] row = (Object[]) r;
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    /** The condition keeping rows whose ticket was reported in the period's district, as parameter {@code ?index}. */
    static String inDistrict(Period p, String ticketIdColumn, int index) {
        return p.district() == null ? ""
                : " and " + ticketIdColumn + " in (select id from ticket where district = ?" + index + ")";
    }

    static Query withDistrict(Query q, Period p, int index) {
        return p.district() == null ? q : q.setParameter(index, p.district());
    }

    static Instant start(Period p) {
        return p.from().atStartOfDay(ClockProducer.CITY_ZONE).toInstant();
    }

    static Instant end(Period p) {
        return p.to().plusDays(1).atStartOfDay(ClockProducer.CITY_ZONE).toInstant();
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }
}
