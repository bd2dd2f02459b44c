package cn.nantong.hotline.privacy;

import cn.nantong.hotline.audit.AuditLog;
import cn.nantong.hotline.common.ScheduledRuns;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * De-identifies tickets closed (or answered on the call) longer than {@code hotline.privacy.retention-days} ago:
 * the caller's name and number (cipher text, hash, mask) are cleared, the address is cut to the district and
 * the content replaced by a note. Type, category, problem kind, departments, dates and outcomes stay, so every
 * figure computed from them stays the same. Runs once per interval across all instances.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);
    static final String JOB = "privacy-retention";
    static final String ERASED_CONTENT = "（已按保存期限删除个人信息）";
    private static final int BATCH = 1000;

    private final Clock clock;
    private final AuditLog audit;
    private final Duration retention;
    private final Duration interval;

    Retention(Clock clock, AuditLog audit,
              @ConfigProperty(name = "hotline.privacy.retention-days", defaultValue = "1095") int retentionDays,
              @ConfigProperty(name = "hotline.privacy.retention-interval", defaultValue = "24h") String interval) {
        this.clock = clock;
        this.audit = audit;
        this.retention = Duration.ofDays(retentionDays);
        // "off" disables the schedule (tests call run directly); runs then need only be a second apart.
        this.interval = "off".equalsIgnoreCase(interval) ? Duration.ofSeconds(1) : DurationConverter.parseDuration(interval);
    }

    /** What one run did; {@code ran} is false when another instance already ran this interval. */
    public record Result(boolean ran, int erased) {
    }

    @Scheduled(every = "${hotline.privacy.retention-interval:24h}", delay = 1, delayUnit = TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Result r = run(clock.instant());
        if (r.erased() > 0) {
            LOG.infof("Retention: personal data removed from %d tickets closed before %s", r.erased(), clock.instant().minus(retention));
        }
    }

    @Transactional
    public Result run(Instant now) {
        if (!ScheduledRuns.claim(JOB, now, interval)) {
            return new Result(false, 0);
        }
        Instant cutoff = now.minus(retention);
        int total = 0;
        int done;
        do {
            done = eraseBatch(cutoff, now);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            audit.record("system", "privacy.retention", null, null, total + " 件，关闭早于 " + cutoff);
        }
        return new Result(true, total);
    }

    /**
     * One batch; the version moves so that a stale copy of an erased ticket can never be written back. The place
     * keys parsed from the address go too: they locate the caller's problem, and without them an erased ticket is
     * never offered as a repeat candidate with what it said before.
     */
    private static int eraseBatch(Instant cutoff, Instant now) {
        return ((Number) Panache.getEntityManager().createNativeQuery("""
                with erased as (
                    update ticket set caller_name = null, caller_phone = null, caller_phone_enc = null,
                        caller_phone_hash = null, caller_phone_masked = null, address = district, content = ?1, repeat_features = null,
                        personal_data_erased_at = ?2, version = version + 1
                    where id in (select id from ticket where personal_data_erased_at is null
                        and ((status = 'CLOSED' and coalesce(closed_at, received_at) < ?3)
                          or (status = 'ANSWERED' and received_at < ?3))
                        limit ?4)
                    returning id),
                keys as (delete from repeat_place_key k using erased e where k.ticket_id = e.id)
                select count(*) from erased""")
                .setParameter(1, ERASED_CONTENT).setParameter(2, now).setParameter(3, cutoff).setParameter(4, BATCH)
                .getSingleResult()).intValue();
    }
}
