package cn.nantong.hotline.repeat;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.ticket.Ticket;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** A coordinator's corrections to clusters: merge two that are one problem, split off a report that is not. */
@ApplicationScoped
public class ClusterEditing {

    private final RepeatLearning learning;
    private final Clock clock;

    ClusterEditing(RepeatLearning learning, Clock clock) {
        this.learning = learning;
        this.clock = clock;
    }

    /** Moves every report of {@code from} into {@code into}; the emptied cluster is deleted. */
    @Transactional
    public RepeatCluster merge(long from, long into, String note, String actor) {
        if (from == into) {
            throw ProblemException.badRequest("into", "不能把重复件簇合并到它自己。");
        }
        RepeatCluster source = cluster(from);
        RepeatCluster target = cluster(into);
        learning.record(target.firstTicketId, source.firstTicketId, true, "MERGE", actor, clock.instant(), note);
        var em = Panache.getEntityManager();
        em.createNativeQuery("update ticket set cluster_id = ?1 where cluster_id = ?2")
                .setParameter(1, into).setParameter(2, from).executeUpdate();
        // At most one unclosed case per cluster: a second one keeps its tickets but loses the cluster link.
        em.createNativeQuery("""
                update supervision_case set cluster_id = case when status = 'CLOSED' or not exists
                    (select 1 from supervision_case o where o.cluster_id = ?1 and o.status <> 'CLOSED') then ?1 end
                where cluster_id = ?2""").setParameter(1, into).setParameter(2, from).executeUpdate();
        // The merged cluster's open case takes the reports that came with the merge.
        em.createNativeQuery("""
                insert into supervision_case_ticket (case_id, ticket_id)
                select c.id, t.id from supervision_case c join ticket t on t.cluster_id = c.cluster_id
                where c.cluster_id = ?1 and c.status <> 'CLOSED'
                on conflict do nothing""").setParameter(1, into).executeUpdate();
        if (target.firstAt.isAfter(source.firstAt)) {
            target.firstAt = source.firstAt;
            target.firstTicketId = source.firstTicketId;
        }
        if (source.lastAt.isAfter(target.lastAt)) {
            target.lastAt = source.lastAt;
        }
        target.reportedAfterHandled |= source.reportedAfterHandled;
        recount(target);
        source.delete();
        return target;
    }

    /** Takes one report out of its cluster: it is a different problem. */
    @Transactional
    public RepeatCluster split(long ticketId, String note, String actor) {
        Ticket t = Ticket.findById(ticketId);
        if (t == null || t.clusterId == null) {
            throw ProblemException.notFound("工单 " + ticketId + " 不存在或不在任何重复件簇中。");
        }
        RepeatCluster c = cluster(t.clusterId);
        long other = t.repeatOf != null ? t.repeatOf : c.firstTicketId;
        if (other == t.id) {
            throw ProblemException.conflict("工单 " + t.number + " 是该簇的第一件，请拆分其它工单，或把它们合并到别的簇。");
        }
        learning.record(t.id, other, false, "SPLIT", actor, clock.instant(), note);
        Panache.getEntityManager().createNativeQuery(
                        "update ticket set cluster_id = null, repeat_of = null where id = ?1")
                .setParameter(1, ticketId).executeUpdate();
        recount(c);
        return c;
    }

    private static RepeatCluster cluster(long id) {
        RepeatCluster c = RepeatCluster.findById(id);
        if (c == null) {
            throw ProblemException.notFound("没有编号为 " + id + " 的重复件簇。");
        }
        return c;
    }

    private static void recount(RepeatCluster c) {
        Object[] row = (Object[]) Panache.getEntityManager().createNativeQuery(
                        "select count(*), count(distinct caller_phone_hash) from ticket where cluster_id = ?1")
                .setParameter(1, c.id).getSingleResult();
        c.reportCount = ((Number) row[0]).intValue();
        c.callerCount = ((Number) row[1]).intValue();
    }
}
