package cn.nantong.hotline.common;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.Session;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inserts that nothing later in their transaction reads (timeline rows, an audit line, the place keys later intakes
 * look repeats up by, a new report's link to its supervision case, a stored idempotent answer), sent together in one
 * round trip to the database at the end of the transaction instead of one round trip each. On these 2 cores a round trip costs PostgreSQL and the service more
 * CPU than such an insert itself, and an intake makes four of them.
 * <p>
 * They are sent by {@link #send()}, which a caller that must see their failure in its own code calls last in the
 * transaction (IdempotencyGuard: a key used twice), or else just before the commit. They are rolled back with
 * everything else. They reach the database after the transaction's entities, so they may refer to them.
 */
@ApplicationScoped
public class PendingWrites {

    /**
     * One statement; placeholders are {@code ?1 … ?n}, numbered within the statement. Parameters are bound as JDBC
     * binds them, an {@link Instant} as a timestamp with time zone and a {@code String[]} as {@code text[]}.
     */
    public record Write(String sql, List<Object> params) {
    }

    private final TransactionSynchronizationRegistry registry;

    PendingWrites(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** Adds a statement to the current transaction's pending writes; there must be a transaction. */
    public void add(String sql, Object... params) {
        pending(true).add(new Write(sql, Arrays.asList(params)));
    }

    /** Sends the current transaction's pending writes now, in one round trip; nothing when there are none. */
    public void send() {
        List<Write> writes = pending(false);
        if (writes == null || writes.isEmpty()) {
            return;
        }
        Write all = combine(writes);
        writes.clear();
        var em = Panache.getEntityManager();
        em.flush();
        // Plain JDBC rather than a Hibernate native query: Hibernate parsed each combined text for its parameters
        // again. The driver keeps the parsed text, and after a few uses on a connection PostgreSQL keeps it prepared.
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(all.sql())) {
                for (int i = 0; i < all.params().size(); i++) {
                    bind(c, ps, i + 1, all.params().get(i));
                }
                ps.execute();
            }
        });
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Instant at) {
            ps.setObject(index, at.atOffset(ZoneOffset.UTC));
        } else if (value instanceof String[] texts) {
            ps.setArray(index, c.createArrayOf("text", texts));
        } else {
            ps.setObject(index, value);
        }
    }

    /**
     * The statements as one JDBC statement, separated by semicolons: each {@code ?n} becomes a {@code ?} with its
     * parameter, in order of appearance. The driver sends such a statement as its parts in one message and
     * answers once. The same statements give the same text, so the text stays prepared across transactions.
     */
    public static Write combine(List<Write> writes) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Write w : writes) {
            if (!sql.isEmpty()) {
                sql.append(";\n");
            }
            appendPositional(sql, w, params);
        }
        return new Write(sql.toString(), params);
    }

    // A plain scan rather than a regex replacement: this runs on every intake, and Matcher.appendReplacement's
    // work was 3 % of the service's CPU in a JFR profile of intake (eighth round).
    private static void appendPositional(StringBuilder out, Write w, List<Object> params) {
        String s = w.sql();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i++);
            out.append(c);
            if (c != '?') {
                continue;
            }
            // JDBC would take a bare ? (or PostgreSQL's ? operators) for a parameter of its own.
            if (i == s.length() || !isDigit(s.charAt(i))) {
                throw new IllegalArgumentException("a ? without a number in: " + s);
            }
            long n = 0;
            while (i < s.length() && isDigit(s.charAt(i))) {
                n = Math.min(n * 10 + (s.charAt(i++) - '0'), Integer.MAX_VALUE);
            }
            if (n < 1 || n > w.params().size()) {
                throw new IllegalArgumentException("placeholder ?" + n + " has no parameter in: " + s);
            }
            params.add(w.params().get((int) n - 1));
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    @SuppressWarnings("unchecked")
    private List<Write> pending(boolean create) {
        List<Write> writes = (List<Write>) registry.getResource(PendingWrites.class);
        if (writes == null && create) {
            if (registry.getTransactionStatus() != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("pending writes need an active transaction");
            }
            // The session joins now: it cannot join a transaction that is already completing, when these are sent.
            var em = Panache.getEntityManager();
            em.joinTransaction();
            List<Write> created = new ArrayList<>();
            registry.putResource(PendingWrites.class, created);
            // Sent by the session's own before-completion step, after its flush and while it still holds its
            // connection. A JTA synchronization ran after the session had let the connection go: the statement took it
            // again, and the pool warned "Closing open connection(s) prior to commit" on every commit.
            em.unwrap(SharedSessionContractImplementor.class).getTransactionCompletionCallbacks()
                    .registerCallback((TransactionCompletionCallbacks.BeforeCompletionCallback) session -> send());
            writes = created;
        }
        return writes;
    }
}
