package cn.nantong.hotline.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Writes audit entries, in the caller's transaction when there is one, so an audited change and its entry
 * commit or roll back together. Notes must never carry a caller's number: callers pass ticket numbers, not phones.
 */
@ApplicationScoped
public class AuditLog {

    static final int NOTE_LIMIT = 500;

    private final Clock clock;
    private final RequestOrigin origin;

    AuditLog(Clock clock, RequestOrigin origin) {
        this.clock = clock;
        this.origin = origin;
    }

    @Transactional
    public void record(String actor, String action, String target, Long ticketId, String note) {
        AuditEntry e = new AuditEntry();
        e.at = clock.instant();
        e.actor = actor;
        e.role = origin.role();
        e.action = action;
        e.target = target;
        e.ticketId = ticketId;
        e.clientAddress = origin.clientAddress();
        e.note = note == null || note.length() <= NOTE_LIMIT ? note : note.substring(0, NOTE_LIMIT - 1) + "…";
        e.persist();
    }
}
