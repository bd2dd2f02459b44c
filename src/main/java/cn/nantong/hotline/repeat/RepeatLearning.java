package cn.nantong.hotline.repeat;

import cn.nantong.hotline.ticket.Ticket;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * The detector and what people taught it. Every confirm, reject, merge and split is a row in
 * repeat_decision; each instance replays the rows it has not seen yet (at start, after its own decisions
 * commit, and every few seconds for other instances'), so all instances converge on the same weights.
 */
@ApplicationScoped
public class RepeatLearning {

    /** Fired when a decision row was written, so this instance learns it as soon as it commits. */
    record DecisionRecorded() {
    }

    private static final int BATCH = 1000;
    private static final int REPLAYED_AT_START = 5000;

    private final RepeatDetector detector = new RepeatDetector();
    private long lastSeen;
    private final jakarta.enterprise.event.Event<DecisionRecorded> recorded;

    RepeatLearning(jakarta.enterprise.event.Event<DecisionRecorded> recorded) {
        this.recorded = recorded;
    }

    public RepeatDetector detector() {
        return detector;
    }

    /** Writes a decision in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(long ticketId, long otherTicketId, boolean sameProblem, String kind, String actor, Instant at,
                       String note) {
        Panache.getEntityManager().createNativeQuery("""
                insert into repeat_decision (ticket_id, other_ticket_id, same_problem, kind, actor, at, note)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, ticketId).setParameter(2, otherTicketId).setParameter(3, sameProblem)
                .setParameter(4, kind).setParameter(5, actor).setParameter(6, at).setParameter(7, note).executeUpdate();
        recorded.fire(new DecisionRecorded());
    }

    void onStart(@Observes StartupEvent e) {
        skipToRecentDecisions();
        sync();
    }

    /** Replaying years of decisions would slow every start; the latest few thousand carry what people taught. */
    @Transactional
    void skipToRecentDecisions() {
        Number floor = (Number) Panache.getEntityManager().createNativeQuery(
                "select coalesce(max(id), 0) - ?1 from repeat_decision").setParameter(1, REPLAYED_AT_START).getSingleResult();
        lastSeen = Math.max(0, floor.longValue());
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) DecisionRecorded e) {
        sync();
    }

    @Scheduled(every = "${hotline.repeat.learning-sync-interval:10s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sync();
    }

    /** Learns every decision not yet learned here, in the order they were made. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    synchronized void sync() {
        List<Object[]> rows;
        do {
            rows = batchAfter(lastSeen);
            learn(rows);
        } while (rows.size() == BATCH);
    }

    private void learn(List<Object[]> rows) {
        for (Object[] r : rows) {
            Ticket a = Ticket.findById(((Number) r[1]).longValue());
            Ticket b = Ticket.findById(((Number) r[2]).longValue());
            detector.learn(RepeatService.featuresOf(a), RepeatService.featuresOf(b),
                    (Boolean) r[3]);
            lastSeen = ((Number) r[0]).longValue();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> batchAfter(long id) {
        return Panache.getEntityManager().createNativeQuery("select id, ticket_id, other_ticket_id, same_problem "
                + "from repeat_decision where id > ?1 order by id limit " + BATCH).setParameter(1, id).getResultList();
    }
}
