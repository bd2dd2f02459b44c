package cn.nantong.hotline.supervision;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.common.PendingWrites;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.ticket.Ticket;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/** The transaction boundary of supervision cases: opening them from triggers and every coordinator step. */
@ApplicationScoped
public class SupervisionService {

    /** Links the case ?1 to the ticket ?2 and to every ticket of the cluster ?3 (-1 for none). */
    private static final String LINK_TICKETS = """
            insert into supervision_case_ticket (case_id, ticket_id)
            select ?1, id from ticket where id = ?2 or cluster_id = ?3
            on conflict do nothing""";

    private final Clock clock;
    private final Directory directory;
    private final PendingWrites writes;

    SupervisionService(Clock clock, Directory directory, PendingWrites writes) {
        this.clock = clock;
        this.directory = directory;
        this.writes = writes;
    }

    /**
     * Opens a case for the fired triggers, or adds them to the unclosed case already on this problem (its
     * cluster, else the ticket), so one problem is never supervised twice at once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalate(Ticket t, List<Trigger> fired, Instant now) {
        if (fired.isEmpty()) {
            return;
        }
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, problemLock(t)).getSingleResult();
        escalateUnderLock(t, fired, now, openCaseOf(t), null);
    }

    /**
     * The same for a report of a cluster recorded in this transaction, whose caller already holds {@link #problemLock}
     * (taken with the cluster's activity, RepeatClusters): a new ticket can only be in its cluster's case, so only that
     * is looked up.
     * Its intake escalates once and reads no case's tickets afterwards, so they are linked with its pending writes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void escalateNewReport(Ticket t, List<Trigger> fired, Instant now) {
        if (fired.isEmpty()) {
            return;
        }
        escalateUnderLock(t, fired, now, openCaseOfCluster(t.clusterId), writes);
    }

    /**
     * The transaction-scoped advisory lock that serialises escalation per problem (its cluster, else the ticket): two
     * reports of one problem on two instances must join one case.
     */
    public static String problemLock(Ticket t) {
        return t.clusterId != null ? "case-cluster:" + t.clusterId : "case-ticket:" + t.id;
    }

    /** With {@code deferred}, the case's tickets are linked at the commit; else at once, for the rest to see. */
    private static void escalateUnderLock(Ticket t, List<Trigger> fired, Instant now, SupervisionCase c,
                                          PendingWrites deferred) {
        boolean opened = c == null;
        if (opened) {
            c = new SupervisionCase();
            c.clusterId = t.clusterId;
            c.district = t.district;
            c.summary = t.contentPreview();
            c.openedAt = now;
            c.addTriggers(fired);
            c.persist();
            c.record(now, "system", "open", null, String.join("；", c.reasons));
        } else {
            List<String> added = c.addTriggers(fired);
            if (!added.isEmpty()) {
                c.record(now, "system", "trigger", null, String.join("；", added));
            }
        }
        // The whole problem comes with a new case: every report of the cluster, not only the one that tipped it.
        // An open case already holds its cluster's reports (a merge brings the other cluster's, ClusterEditing), so
        // a later report adds only itself, however often the problem has been reported.
        long wholeCluster = opened && t.clusterId != null ? t.clusterId : -1L;
        if (deferred != null) {
            deferred.add(LINK_TICKETS, c.id, t.id, wholeCluster);
        } else {
            Panache.getEntityManager().createNativeQuery(LINK_TICKETS)
                    .setParameter(1, c.id).setParameter(2, t.id).setParameter(3, wholeCluster).executeUpdate();
        }
        persistEvents(c);
    }

    @Transactional
    public SupervisionCase assign(long id, String lead, List<String> co, LocalDate deadline, String note, String actor) {
        directory.requireDepartment("lead", lead);
        co.forEach(d -> directory.requireDepartment("co", d));
        Instant due = deadline.plusDays(1).atStartOfDay(ClockProducer.CITY_ZONE).toInstant();
        return act(id, c -> c.assign(lead, co, due, note, actor, clock.instant()));
    }

    @Transactional
    public SupervisionCase notice(long id, String text, String actor) {
        return act(id, c -> c.issueNotice(text, actor, clock.instant()));
    }

    @Transactional
    public SupervisionCase note(long id, String text, String actor) {
        return act(id, c -> c.note(text, actor, clock.instant()));
    }

    @Transactional
    public SupervisionCase respond(long id, String department, String text, String actor) {
        return act(id, c -> c.respond(department, text, actor, clock.instant()));
    }

    @Transactional
    public SupervisionCase resolve(long id, String note, String actor) {
        return act(id, c -> c.resolve(note, actor, clock.instant()));
    }

    @Transactional
    public SupervisionCase close(long id, String note, String actor) {
        return act(id, c -> c.close(note, actor, clock.instant()));
    }

    /** The case, or 404; a department sees only cases it was assigned. */
    @Transactional
    public SupervisionCase visible(long id, String department) {
        SupervisionCase c = SupervisionCase.findById(id);
        if (c == null || (department != null && !c.involves(department))) {
            throw ProblemException.notFound("没有编号为 " + id + " 的督办件，或您无权查看。");
        }
        return c;
    }

    private SupervisionCase act(long id, Consumer<SupervisionCase> step) {
        SupervisionCase c = visible(id, null);
        step.accept(c);
        persistEvents(c);
        return c;
    }

    private static SupervisionCase openCaseOf(Ticket t) {
        if (t.clusterId != null) {
            SupervisionCase byCluster = openCaseOfCluster(t.clusterId);
            if (byCluster != null) {
                return byCluster;
            }
        }
        return SupervisionCase.find("status <> ?1 and id in (select l.caseId from CaseTicket l where l.ticketId = ?2)",
                SupervisionCase.Status.CLOSED, t.id).firstResult();
    }

    private static SupervisionCase openCaseOfCluster(long clusterId) {
        return SupervisionCase.find("clusterId = ?1 and status <> ?2", clusterId, SupervisionCase.Status.CLOSED)
                .firstResult();
    }

    private static void persistEvents(SupervisionCase c) {
        for (CaseEvent e : c.pendingEvents) {
            e.caseId = c.id;
            e.persist();
        }
        c.pendingEvents.clear();
    }
}
