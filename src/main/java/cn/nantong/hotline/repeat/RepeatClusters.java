package cn.nantong.hotline.repeat;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;

/** Read side of clusters for escalation and the boards: activity of one problem around a moment. */
@ApplicationScoped
public class RepeatClusters {

    /**
     * Reports and distinct callers of a cluster in the windows before {@code at}, and whether it looped. Only the
     * windows are read, so a problem reported for years costs no more than one reported this month.
     */
    public record Activity(int reports, int callers, boolean reportedAfterHandled) {
    }

    /**
     * The activity of a cluster, taking the transaction-scoped advisory lock {@code lockKey} in the same statement:
     * the caller acts on these facts under that lock, and on these 2 cores a round trip of its own cost more than the
     * look-up. The counts are read before the lock is granted; what the lock protects is read after it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Activity around(long clusterId, Instant at, Duration reportWindow, Duration callerWindow, String lockKey) {
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery("""
                select count(*) filter (where t.received_at > ?2),
                       count(distinct t.caller_phone_hash) filter (where t.received_at > ?3),
                       bool_or(c.reported_after_handled),
                       (select count(*) from pg_advisory_xact_lock(hashtext(?6)))
                from ticket t join repeat_cluster c on c.id = t.cluster_id
                where t.cluster_id = ?1 and t.received_at <= ?4 and t.received_at > ?5""")
                .setParameter(1, clusterId).setParameter(2, at.minus(reportWindow)).setParameter(3, at.minus(callerWindow))
                .setParameter(4, at).setParameter(5, at.minus(reportWindow.compareTo(callerWindow) > 0 ? reportWindow : callerWindow))
                .setParameter(6, lockKey)
                .getSingleResult();
        return new Activity(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), Boolean.TRUE.equals(row[2]));
    }
}
