package cn.nantong.hotline.privacy;

import cn.nantong.hotline.audit.AuditLog;
import cn.nantong.hotline.ticket.PhoneNumbers;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The data half of migration V7: tickets recorded before it hold the caller's number in clear text; at start-up
 * they are encrypted, hashed and masked, and the clear text is cleared. Done here rather than in SQL because the
 * keys are configuration. Batches lock their rows (skip locked), so instances starting together share the work.
 */
@ApplicationScoped
public class PhoneEncryptionStep {

    private static final Logger LOG = Logger.getLogger(PhoneEncryptionStep.class);
    private static final int BATCH = 500;

    private final PhoneVault vault;
    private final AuditLog audit;

    PhoneEncryptionStep(PhoneVault vault, AuditLog audit) {
        this.vault = vault;
        this.audit = audit;
    }

    /** Before demo data and the knowledge base: the database must be consistent before anyone is served. */
    void onStart(@Observes @Priority(5) StartupEvent e) {
        int n = run();
        if (n > 0) {
            LOG.infof("Encrypted the callers' numbers of %d tickets recorded before migration V7", n);
        }
    }

    /** Encrypts every ticket still holding its number in clear; the count done. */
    public int run() {
        int total = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::batch);
            total += done;
        } while (done == BATCH);
        if (total > 0) {
            int count = total;
            QuarkusTransaction.requiringNew().run(() -> audit.record("system", "privacy.phone-encryption", null, null,
                    count + " 件"));
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private int batch() {
        var em = Panache.getEntityManager();
        List<Object[]> rows = em.createNativeQuery("""
                select id, caller_phone from ticket where caller_phone is not null
                order by id limit ?1 for update skip locked""").setParameter(1, BATCH).getResultList();
        for (Object[] r : rows) {
            String raw = (String) r[1];
            // Intake stored normalised numbers; anything else is kept as typed rather than lost.
            ProtectedPhone p = vault.protect(PhoneNumbers.normalise(raw).orElse(raw));
            em.createNativeQuery("""
                    update ticket set caller_phone_enc = ?1, caller_phone_hash = ?2, caller_phone_masked = ?3,
                    caller_phone = null where id = ?4""")
                    .setParameter(1, p.encrypted()).setParameter(2, p.hash()).setParameter(3, p.masked())
                    .setParameter(4, ((Number) r[0]).longValue()).executeUpdate();
        }
        return rows.size();
    }
}
