package cn.nantong.hotline.common;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pending writes reach the database with their transaction's commit, in one statement, or not at all. */
@QuarkusTest
class PendingWritesTest {

    private static final String STORE = """
            insert into idempotency_record (actor, key, request_hash, status, body, created_at)
            values (?1, ?2, 'h', ?3, '{}', ?4)""";

    @Inject
    PendingWrites writes;

    @Test
    void statementsAreJoinedWithTheirPlaceholdersInOrderOfAppearance() {
        PendingWrites.Write all = PendingWrites.combine(List.of(
                new PendingWrites.Write("insert into a values (?2, ?1, ?2)", List.of("x", "y")),
                new PendingWrites.Write("insert into b values (?1)", List.of(7)),
                new PendingWrites.Write("delete from c", List.of())));
        assertEquals("insert into a values (?, ?, ?);\ninsert into b values (?);\ndelete from c", all.sql());
        assertEquals(List.of("y", "x", "y", 7), all.params());
        List<Object> eleven = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        PendingWrites.Write many = PendingWrites.combine(List.of(
                new PendingWrites.Write("select ?1", List.of(0)),
                new PendingWrites.Write("select ?11, ?1", eleven)));
        assertEquals("select ?;\nselect ?, ?", many.sql());
        assertEquals(List.of(0, 11, 1), many.params(), "two-digit placeholders are read whole");
        for (String bad : List.of("insert into a values (?1, ?2)", "insert into a values (?0)",
                "insert into a values (?99999999999)", "select data ? 'k' where ?1", "select ?1, ?")) {
            var writes = List.of(new PendingWrites.Write(bad, List.of("only one")));
            assertThrows(IllegalArgumentException.class, () -> PendingWrites.combine(writes), bad);
        }
    }

    @Test
    void parametersKeepTheirTypesNullsAndArraysIncluded() {
        String actor = "pw-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-10-01T01:02:03.456789Z");
        QuarkusTransaction.requiringNew().run(() -> writes.add("""
                insert into audit_entry (at, actor, action, ticket_id, target, note)
                values (?1, ?2, 'pw-test', ?3, array_to_string(cast(?4 as text[]), '|'), ?5)""",
                at, actor, 42L, new String[] {"甲,乙", "丙\"丁", "{}"}, null));
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager()
                .createNativeQuery("""
                        select at = cast(?2 as timestamptz), ticket_id, target, note
                        from audit_entry where actor = ?1""")
                .setParameter(1, actor).setParameter(2, at.toString()).getSingleResult());
        assertEquals(Arrays.asList(true, 42L, "甲,乙|丙\"丁|{}", null), Arrays.asList(row));
    }

    @Test
    void theCommitSendsThemWithoutBeingAsked() {
        String actor = "pw-" + UUID.randomUUID();
        List<String> poolWarnings = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    poolWarnings.add(new SimpleFormatter().formatMessage(r));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger pool = Logger.getLogger("io.agroal.pool");
        pool.addHandler(capture);
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                writes.add(STORE, actor, "k1", 201, Instant.now());
                writes.add(STORE, actor, "k2", 200, Instant.now());
                assertEquals(0, stored(actor), "nothing is sent before the commit");
            });
        } finally {
            pool.removeHandler(capture);
        }
        assertEquals(2, stored(actor));
        // Sent after Hibernate had let go of the connection, they made the pool warn on every such commit.
        assertEquals(List.of(), poolWarnings);
    }

    @Test
    void aRollbackDiscardsThem() {
        String actor = "pw-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            writes.add(STORE, actor, "k1", 201, Instant.now());
            throw new IllegalStateException("the work failed");
        }));
        assertEquals(0, stored(actor));
        assertThrows(IllegalStateException.class, () -> writes.add(STORE, actor, "k1", 201, Instant.now()),
                "outside a transaction there is no commit to send them with");
    }

    @Test
    void sendingThemEarlyShowsTheirFailureToTheCallerAndStoresNone() {
        String actor = "pw-" + UUID.randomUUID();
        assertThrows(ConstraintViolationException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            writes.add(STORE, actor, "same", 201, Instant.now());
            writes.add(STORE, actor, "same", 201, Instant.now());
            writes.send();
        }));
        assertEquals(0, stored(actor));
        QuarkusTransaction.requiringNew().run(() -> {
            writes.add(STORE, actor, "sent", 201, Instant.now());
            writes.send();
            assertEquals(1, stored(actor), "sent within the transaction, so it sees them");
            writes.send();
        });
        assertEquals(1, stored(actor), "a second send has nothing left to send");
    }

    @Test
    void aFailureAtTheCommitRollsBackTheWholeTransaction() {
        String actor = "pw-" + UUID.randomUUID();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery(STORE).setParameter(1, actor).setParameter(2, "before")
                    .setParameter(3, 201).setParameter(4, Instant.now()).executeUpdate();
            writes.add(STORE, actor, "same", 201, Instant.now());
            writes.add(STORE, actor, "same", 201, Instant.now());
        }));
        assertEquals(0, stored(actor), "neither the pending writes nor the statement before them are kept");
    }

    private static long stored(String actor) {
        return QuarkusTransaction.joiningExisting().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from idempotency_record where actor = ?1")
                .setParameter(1, actor).getSingleResult()).longValue());
    }
}
