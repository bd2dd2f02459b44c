package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.PendingWrites;
import cn.nantong.hotline.common.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.exception.ConstraintViolationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotency-Key for POSTs: the first answer is stored in the same transaction as the change it reports, so
 * a retry (a dropped connection, a double click) gets that answer back and nothing happens twice. The same key
 * with a different request is refused with 422: it is a client bug, not a retry.
 */
@ApplicationScoped
public class IdempotencyGuard {

    /** The stored answer of a request. */
    public record Outcome(int status, Object body) {
    }

    private final ObjectMapper json;
    private final Clock clock;
    private final PendingWrites writes;

    IdempotencyGuard(ObjectMapper json, Clock clock, PendingWrites writes) {
        this.json = json;
        this.clock = clock;
        this.writes = writes;
    }

    /**
     * Runs {@code work} once per (user, key): in one transaction with the stored answer. Without a key it
     * simply runs. {@code request} identifies what was asked (method, path and body) for the 422 check.
     */
    public Response run(String actor, String key, String request, Supplier<Outcome> work) {
        if (key == null || key.isBlank()) {
            // One transaction for the change and the answer built from it, as with a key.
            Outcome o = QuarkusTransaction.joiningExisting().call(work::get);
            return Response.status(o.status()).entity(o.body()).build();
        }
        if (key.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key", "Idempotency-Key 最长 200 个字符。");
        }
        String hash = sha256(request);
        try {
            // No look-up first: a retry is rare, and then the stored key's unique index refuses the answer. The work is
            // rolled back and the first answer given instead, so each first request saves a round trip to the database.
            return QuarkusTransaction.joiningExisting().call(() -> {
                Outcome o = work.get();
                String body = write(o.body());
                // With the work's other pending writes, and sent here, so that a used key fails in this lambda.
                writes.add("""
                        insert into idempotency_record (actor, key, request_hash, status, body, created_at)
                        values (?1, ?2, ?3, ?4, ?5, ?6)""", actor, key, hash, o.status(), body, clock.instant());
                writes.send();
                return Response.status(o.status()).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
            });
        } catch (ConstraintViolationException | ProblemException e) {
            // Either the key was used (by an earlier request, or by a concurrent retry that committed first), or the
            // work was refused, perhaps only because the first request already did it (a dispatched ticket cannot be
            // dispatched again): an earlier answer under this key is the answer. Not after any other failure, such
            // as no free connection: the look-up would only fail again, and twice as slowly.
            Response earlier;
            try {
                earlier = QuarkusTransaction.requiringNew().call(() -> replay(actor, key, hash));
            } catch (ProblemException reused) {
                throw reused;
            } catch (RuntimeException lookUpFailed) {
                // The request's own failure is the answer; the look-up's is only a note to it.
                e.addSuppressed(lookUpFailed);
                throw e;
            }
            if (earlier != null) {
                return earlier;
            }
            throw e;
        }
    }

    private Response replay(String actor, String key, String hash) {
        List<?> rows = Panache.getEntityManager().createNativeQuery(
                        "select request_hash, status, body from idempotency_record where actor = ?1 and key = ?2")
                .setParameter(1, actor).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        if (!hash.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "这个 Idempotency-Key 已用于另一个不同的请求；重试时请发送完全相同的请求，新请求请用新的 key。", List.of());
        }
        return Response.status(((Number) row[1]).intValue()).entity(row[2]).type(MediaType.APPLICATION_JSON_TYPE)
                .header("Idempotent-Replayed", "true").build();
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the answer", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
