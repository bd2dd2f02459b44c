package cn.nantong.hotline.kb;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what callers asked that the 热线百科 could not answer. Counting happens in memory and is flushed in
 * one statement every few seconds, so a search never waits for a database write.
 */
@ApplicationScoped
public class GapRecorder {

    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    GapRecorder(Clock clock) {
        this.clock = clock;
    }

    private static final class Pending {
        final String sample;
        final LongAdder zeroHits = new LongAdder();
        final LongAdder unhelpful = new LongAdder();
        final Instant firstSeen;
        volatile Instant lastSeen;

        Pending(String sample, Instant now) {
            this.sample = sample;
            this.firstSeen = now;
            this.lastSeen = now;
        }
    }

    public void zeroHits(String query) {
        pendingFor(query).zeroHits.increment();
    }

    public void unhelpful(String query) {
        pendingFor(query).unhelpful.increment();
    }

    /** Same question, different spacing, case or punctuation: one gap. */
    static String key(String query) {
        String k = query.toLowerCase(Locale.ROOT).replaceAll("[\\p{P}\\p{S}\\s]+", " ").strip();
        return k.length() > 200 ? k.substring(0, 200) : k;
    }

    private Pending pendingFor(String query) {
        Instant now = clock.instant();
        String sample = query.strip();
        Pending p = pending.computeIfAbsent(key(query),
                k -> new Pending(sample.length() > 500 ? sample.substring(0, 500) : sample, now));
        p.lastSeen = now;
        return p;
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Pending>> batch = new ArrayList<>();
        for (String k : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(k);
            if (p != null) {
                batch.add(Map.entry(k, p));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            var em = Panache.getEntityManager();
            for (Map.Entry<String, Pending> e : batch) {
                Pending p = e.getValue();
                em.createNativeQuery("""
                        insert into kb_gap (query_key, sample_query, zero_hit_count, unhelpful_count, first_seen, last_seen)
                        values (?1, ?2, ?3, ?4, ?5, ?6)
                        on conflict (query_key) do update set
                            zero_hit_count = kb_gap.zero_hit_count + excluded.zero_hit_count,
                            unhelpful_count = kb_gap.unhelpful_count + excluded.unhelpful_count,
                            last_seen = greatest(kb_gap.last_seen, excluded.last_seen)
                        """)
                        .setParameter(1, e.getKey())
                        .setParameter(2, p.sample)
                        .setParameter(3, p.zeroHits.sum())
                        .setParameter(4, p.unhelpful.sum())
                        .setParameter(5, p.firstSeen)
                        .setParameter(6, p.lastSeen)
                        .executeUpdate();
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        flush();
    }

    /** One gap in the report. */
    public record Gap(String query, long zeroHitCount, long unhelpfulCount, Instant firstSeen, Instant lastSeen) {
    }

    public List<Gap> top(int limit) {
        flush();
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Panache.getEntityManager().createNativeQuery("""
                    select sample_query, zero_hit_count, unhelpful_count, first_seen, last_seen from kb_gap
                    order by zero_hit_count + unhelpful_count desc, last_seen desc limit ?1
                    """).setParameter(1, limit).getResultList();
            return rows.stream().map(r -> (Object[]) r)
                    .map(r -> new Gap((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                            toInstant(r[3]), toInstant(r[4])))
                    .toList();
        });
    }

    private static Instant toInstant(Object o) {
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) o).toInstant();
    }
}
