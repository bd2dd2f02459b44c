package cn.nantong.hotline.supervision;

import cn.nantong.hotline.ticket.Access;
import cn.nantong.hotline.ticket.Assignment;
import cn.nantong.hotline.ticket.AssignmentStatus;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketActed;
import cn.nantong.hotline.ticket.TicketService;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.identity.Role;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every department reply against the same department's recent replies (模板化答复) and for empty
 * wording, and keeps the coordinator's verdict on each flag: accept it, or send the reply back.
 */
@ApplicationScoped
public class ReplyReview {

    /** How many of the department's latest replies a new one is compared with: bounded, so cost never grows. */
    static final int EARLIER_REPLIES = 200;

    private final TemplateReplyDetector detector = new TemplateReplyDetector();
    private final TicketService tickets;

    ReplyReview(TicketService tickets) {
        this.tickets = tickets;
    }

    void onReply(@Observes TicketActed e) {
        if (!"reply".equals(e.action())) {
            return;
        }
        Ticket t = e.ticket();
        Assignment a = t.activeAssignments().stream()
                .filter(x -> x.department.equals(e.department()) && x.status == AssignmentStatus.REPLIED)
                .findFirst().orElseThrow();
        ReplyVerdict v = detector.check(t.id, t.clusterId, t.content, a.replyText, earlierReplies(e.department(), t.id));
        if (!v.flagged()) {
            return;
        }
        ReplyFlag f = new ReplyFlag();
        f.ticketId = t.id;
        f.assignmentId = a.id;
        f.department = a.department;
        f.flaggedAt = tickets.now();
        f.nearCopy = v.nearCopy();
        f.vague = v.vague();
        f.reasons = new ArrayList<>(v.reasons());
        f.copies = v.copies();
        f.persist();
    }

    /** 认可: the coordinator finds the flagged reply acceptable after all. */
    @Transactional
    public ReplyFlag accept(long flagId, String note, String actor) {
        ReplyFlag f = pending(flagId);
        f.status = ReplyFlag.Status.ACCEPTED;
        decide(f, note, actor);
        return f;
    }

    /** 退回重新答复: the ticket goes back to ACCEPTED for that department, with the reason on its timeline. */
    @Transactional
    public ReplyFlag sendBack(long flagId, String reason, String actor) {
        ReplyFlag f = pending(flagId);
        tickets.act(f.ticketId, new Access(actor, Role.COORDINATOR, null), "send-back",
                t -> tickets.lifecycle().sendBackReply(t, f.department, "答复被退回重新办理：" + reason, actor, tickets.now()));
        f.status = ReplyFlag.Status.SENT_BACK;
        decide(f, reason, actor);
        return f;
    }

    private void decide(ReplyFlag f, String note, String actor) {
        f.decidedBy = actor;
        f.decidedAt = tickets.now();
        f.decisionNote = note;
    }

    private static ReplyFlag pending(long id) {
        ReplyFlag f = ReplyFlag.findById(id);
        if (f == null) {
            throw ProblemException.notFound("没有编号为 " + id + " 的答复质量提示。");
        }
        if (f.status != ReplyFlag.Status.PENDING) {
            throw ProblemException.conflict("答复质量提示 " + id + " 已处理（" + f.status + "）。");
        }
        return f;
    }

    @SuppressWarnings("unchecked")
    private static List<EarlierReply> earlierReplies(String department, long ticketId) {
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select a.ticket_id, t.cluster_id, t.content, a.reply_text from assignment a join ticket t on t.id = a.ticket_id
                where a.department_code = ?1 and a.replied_at is not null and a.ticket_id <> ?2
                order by a.replied_at desc limit ?3""")
                .setParameter(1, department).setParameter(2, ticketId).setParameter(3, EARLIER_REPLIES).getResultList();
        return rows.stream().map(r -> new EarlierReply(((Number) r[0]).longValue(),
                r[1] == null ? null : ((Number) r[1]).longValue(), (String) r[2], (String) r[3])).toList();
    }
}
