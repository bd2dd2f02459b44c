package cn.nantong.hotline.stats;

import cn.nantong.hotline.common.SqlValues;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The coordinator's board of hot topics: the largest and fastest-growing problems, and problem types per district. */
@ApplicationScoped
public class HotTopics {

    static final int TOP = 10;
    static final int KINDS_PER_DISTRICT = 5;

    /**
     * A cluster's reports in the period; growth compares the period's last {@code recentDays} with the
     * same span just before them.
     */
    public record ClusterTopic(long clusterId, String district, String place, String problemKind, long reports,
                               long callers, long recent, long before, long growth, Instant lastAt) {
    }

    public record KindCount(String problemKind, long reports) {
    }

    public record DistrictTopics(String district, List<KindCount> kinds) {
    }

    public record Board(String from, String to, int recentDays, List<ClusterTopic> largest,
                        List<ClusterTopic> fastestGrowing, List<DistrictTopics> byDistrict) {
    }

    @Transactional
    public Board board(StatsService.Period p) {
        Instant from = StatsService.start(p);
        Instant to = StatsService.end(p);
        long days = ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
        int recentDays = (int) Math.max(1, Math.min(7, days / 2));
        Instant recentFrom = to.minus(recentDays, ChronoUnit.DAYS);
        Instant beforeFrom = recentFrom.minus(recentDays, ChronoUnit.DAYS);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = StatsService.withDistrict(Panache.getEntityManager().createNativeQuery("""
                select c.id, c.district, c.place, c.problem_kind, count(*), count(distinct t.caller_phone_hash),
                       count(*) filter (where t.received_at >= ?3),
                       count(*) filter (where t.received_at >= ?4 and t.received_at < ?3),
                       max(t.received_at)
                from ticket t join repeat_cluster c on c.id = t.cluster_id
                where t.received_at >= ?1 and t.received_at < ?2""" + StatsService.inDistrict(p, "t.id", 5) + """

                group by c.id, c.district, c.place, c.problem_kind
                having count(*) > 1""")
                .setParameter(1, from).setParameter(2, to).setParameter(3, recentFrom).setParameter(4, beforeFrom), p, 5)
                .getResultList();
        List<ClusterTopic> topics = rows.stream().map(r -> new ClusterTopic(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], (String) r[3], n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[6]) - n(r[7]), SqlValues.instant(r[8]))).toList();
        List<ClusterTopic> largest = topics.stream()
                .sorted((a, b) -> a.reports() != b.reports() ? Long.compare(b.reports(), a.reports()) : b.lastAt().compareTo(a.lastAt()))
                .limit(TOP).toList();
        List<ClusterTopic> growing = topics.stream().filter(t -> t.growth() > 0)
                .sorted((a, b) -> a.growth() != b.growth() ? Long.compare(b.growth(), a.growth()) : Long.compare(b.recent(), a.recent()))
                .limit(TOP).toList();
        return new Board(p.from().toString(), p.to().toString(), recentDays, largest, growing, byDistrict(p));
    }

    private static List<DistrictTopics> byDistrict(StatsService.Period p) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = StatsService.withDistrict(Panache.getEntityManager().createNativeQuery("""
                select district, problem_kind, count(*) n from ticket
                where received_at >= ?1 and received_at < ?2 and problem_kind is not null and district is not null"""
                + StatsService.inDistrict(p, "id", 3) + " group by district, problem_kind order by district, n desc, problem_kind")
                .setParameter(1, StatsService.start(p)).setParameter(2, StatsService.end(p)), p, 3).getResultList();
        Map<String, List<KindCount>> byDistrict = new LinkedHashMap<>();
        for (Object[] r : rows) {
            List<KindCount> kinds = byDistrict.computeIfAbsent((String) r[0], d -> new ArrayList<>());
            if (kinds.size() < KINDS_PER_DISTRICT) {
                kinds.add(new KindCount((String) r[1], n(r[2])));
            }
        }
        return byDistrict.entrySet().stream().map(e -> new DistrictTopics(e.getKey(), e.getValue())).toList();
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
