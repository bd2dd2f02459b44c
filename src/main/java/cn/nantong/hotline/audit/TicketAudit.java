package cn.nantong.hotline.audit;

import cn.nantong.hotline.ticket.TicketActed;
import cn.nantong.hotline.ticket.TicketRecorded;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Audits intake, import and every ticket action from the ticket events, inside the same transaction. */
@ApplicationScoped
public class TicketAudit {

    /** After repeat detection, routing and escalation: they may still reject the intake. */
    static final int AFTER_ALL = TicketRecorded.ESCALATION + 100;

    private final AuditLog log;

    TicketAudit(AuditLog log) {
        this.log = log;
    }

    void onRecorded(@Observes @Priority(AFTER_ALL) TicketRecorded e) {
        log.record(e.actor(), e.imported() ? "ticket.import" : "ticket.intake", e.ticket().number, e.ticket().id, null);
    }

    /** The action's note stays on the ticket's timeline: free text may name people, so it is not copied here. */
    void onActed(@Observes @Priority(AFTER_ALL) TicketActed e) {
        log.record(e.actor(), "ticket." + e.action(), e.ticket().number, e.ticket().id,
                e.department() == null ? null : "部门 " + e.department());
    }
}
