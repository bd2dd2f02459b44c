package cn.nantong.hotline.ticket;

import cn.nantong.hotline.audit.AuditLog;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.privacy.PhoneVault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Decrypts a caller's number for someone allowed to call them back, and audits that they did. */
@ApplicationScoped
public class PhoneReveal {

    private final TicketService tickets;
    private final PhoneVault vault;
    private final AuditLog audit;

    PhoneReveal(TicketService tickets, PhoneVault vault, AuditLog audit) {
        this.tickets = tickets;
        this.vault = vault;
        this.audit = audit;
    }

    @Transactional
    public TicketViews.RevealedPhone reveal(long id, Access access) {
        Ticket t = tickets.visible(id, access);
        if (t.callerPhoneEnc == null) {
            throw ProblemException.notFound("工单 " + t.number + " 的来电号码已按保存期限删除。");
        }
        if (!CallerDisplay.of(t, access).revealable()) {
            throw ProblemException.forbidden("来电人要求保密，承办单位不能查看其号码。");
        }
        audit.record(access.username(), "ticket.reveal-phone", t.number, t.id, null);
        return new TicketViews.RevealedPhone(t.id, t.number, vault.reveal(t.callerPhoneEnc));
    }
}
