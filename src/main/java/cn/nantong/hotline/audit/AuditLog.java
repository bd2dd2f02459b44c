package cn.nantong.hotline.audit;

import cn.nantong.hotline.common.PendingWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Writes audit entries, in the caller's transaction when there is one, so an audited change and its entry
 * commit or roll back together. Nothing reads an entry in the transaction that writes it, so entries are pending
 * writes, sent with the transaction's others. Notes must never carry a caller's number: callers pass ticket
 * numbers, not phones.
 */
@ApplicationScoped
public class AuditLog {

    static final int NOTE_LIMIT = 500;

    private final Clock clock;
    private final RequestOrigin origin;
    private final PendingWrites writes;

    AuditLog(Clock clock, RequestOrigin origin, PendingWrites writes) {
        this.clock = clock;
        this.origin = origin;
        this.writes = writes;
    }

    @Transactional
    public void record(String actor, String action, String target, Long ticketId, String note) {
        writes.add("""
                insert into audit_entry (at, actor, role, action, target, ticket_id, client_address, note)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""",
                clock.instant(), actor, origin.role(), action, target, ticketId, origin.clientAddress(),
                note == null || note.length() <= NOTE_LIMIT ? note : note.substring(0, NOTE_LIMIT - 1) + "…");
    }
}
