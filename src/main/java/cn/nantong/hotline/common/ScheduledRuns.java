package cn.nantong.hotline.common;

import io.quarkus.hibernate.orm.panache.Panache;

import java.time.Duration;
import java.time.Instant;

/**
 * Exactly-once-per-interval claims on {@code scheduled_run}: with any number of instances, only the one that moves
 * a job's last-run time forward runs the job this interval.
 */
public final class ScheduledRuns {

    private ScheduledRuns() {
    }

    /** Moves last_run to {@code now} only if the previous run is (nearly) an interval ago; true if it did. */
    public static boolean claim(String job, Instant now, Duration interval) {
        // 10 % slack: a scheduler firing a moment early must not skip a whole interval.
        Instant dueAfter = now.minus(interval.multipliedBy(9).dividedBy(10));
        return !Panache.getEntityManager().createNativeQuery("""
                insert into scheduled_run (job, last_run) values (?1, ?2)
                on conflict (job) do update set last_run = excluded.last_run
                where scheduled_run.last_run <= ?3
                returning job""")
                .setParameter(1, job).setParameter(2, now).setParameter(3, dueAfter)
                .getResultList().isEmpty();
    }
}
