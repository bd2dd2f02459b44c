package cn.nantong.hotline.repeat;

import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database side of finding repeat candidates: the advisory locks that serialise intakes which could be about one
 * problem, and the indexed look-up of earlier reports by place key and caller.
 * <p>
 * At intake both go to PostgreSQL as one message of two statements. PostgreSQL runs them in order and takes the
 * look-up's snapshot only once the locks are held, so a report committed by the intake that held a lock is seen,
 * as with two round trips. That saves a round trip per intake, each of which wakes a backend and a request thread.
 * <p>
 * The look-up runs on a generic plan ({@link #GENERIC}). Left to choose, PostgreSQL planned it afresh at every call:
 * a custom plan sees how many place keys the array holds and so is estimated cheaper than the generic one, which
 * assumes ten, though both are the same index scans. Planning took 0.47 ms per intake, twice the look-up's own 0.25
 * ms and nearly a fifth of the time of all an intake's statements (pg_stat_statements, 2026-12-07).
 */
final class CandidateQuery {

    /** First half of the two-part advisory lock key, so place locks never collide with other features' locks. */
    private static final int LOCK_SPACE = 12345;
    /** The keys go as one array literal, so the statement's text is the same for every intake and prepared once. */
    private static final String LOCK = "select count(pg_advisory_xact_lock(" + LOCK_SPACE + ", h)) from unnest(cast(? as int[])) h";
    /**
     * The look-up between these two, as one message: the setting lasts only until the second, so nothing else in the
     * transaction is planned differently, and the generic plan is made once per connection and then kept.
     */
    private static final String GENERIC = "set local plan_cache_mode = force_generic_plan";
    private static final String AS_CONFIGURED = "set local plan_cache_mode = default";
    /**
     * Each key gives only its own newest (one more than needed, in case one is the report itself): together they hold
     * the newest overall, and a busy street's thousands of reports in the window are never read to no use.
     */
    private static final String CANDIDATES = """
            select ticket_id from (
                select p.ticket_id, p.received_at from unnest(cast(? as text[])) k(key) cross join lateral (
                    select ticket_id, received_at from repeat_place_key
                    where place_key = k.key and received_at >= ? and received_at <= ?
                    order by received_at desc, ticket_id desc limit ?) p
                union all
                select id, received_at from ticket
                where caller_phone_hash = ? and received_at >= ? and received_at <= ? and type <> 'INQUIRY'
              ) u where ticket_id <> ? group by ticket_id order by max(received_at) desc, ticket_id desc limit ?""";
    private static final String LOOK_UP = String.join(";\n", GENERIC, CANDIDATES, AS_CONFIGURED);
    private static final String LOCKED_LOOK_UP = LOCK + ";\n" + LOOK_UP;

    private CandidateQuery() {
    }

    /**
     * The lock set of a report: its place keys and its caller, as one array literal in ascending order, so two
     * intakes never wait for each other crosswise.
     */
    static String lockKeys(ReportFeatures f) {
        Set<String> keys = new HashSet<>(f.placeKeys());
        keys.add("caller:" + f.report().callerKey());
        return keys.stream().map(String::hashCode).distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** Takes the locks alone, for a report whose original the agent named. */
    static void lock(Session session, String lockKeys) {
        session.doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(LOCK)) {
                ps.setString(1, lockKeys);
                ps.executeQuery().close();
            }
        });
    }

    /**
     * Ids of earlier non-inquiry reports sharing a place key or the caller within [from, to], newest first, at most
     * {@code max}; with {@code lockKeys} (null for none) after taking those locks.
     */
    static List<Long> ids(Session session, String lockKeys, List<String> placeKeys, Instant from, Instant to,
                          String callerKey, long self, int max) {
        return session.doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(lockKeys == null ? LOOK_UP : LOCKED_LOOK_UP)) {
                int i = 1;
                if (lockKeys != null) {
                    ps.setString(i++, lockKeys);
                }
                var fromAt = from.atOffset(ZoneOffset.UTC);
                var toAt = to.atOffset(ZoneOffset.UTC);
                ps.setArray(i++, c.createArrayOf("text", placeKeys.toArray()));
                ps.setObject(i++, fromAt);
                ps.setObject(i++, toAt);
                ps.setInt(i++, max + 1);
                ps.setString(i++, callerKey);
                ps.setObject(i++, fromAt);
                ps.setObject(i++, toAt);
                ps.setLong(i++, self);
                ps.setInt(i, max);
                // Results in order: the lock's row (with locks), then the candidates; the settings give none.
                int candidatesAt = lockKeys == null ? 1 : 2;
                int seen = 0;
                List<Long> ids = new ArrayList<>();
                for (boolean isRows = ps.execute(); isRows || ps.getUpdateCount() != -1; isRows = ps.getMoreResults()) {
                    if (isRows && ++seen == candidatesAt) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                ids.add(rs.getLong(1));
                            }
                        }
                    }
                }
                if (seen != candidatesAt) {
                    throw new IllegalStateException("the candidate look-up answered " + seen + " result sets");
                }
                return ids;
            }
        });
    }
}
