package cn.nantong.hotline.dispatch;

import cn.nantong.hotline.kb.KbEntry;
import cn.nantong.hotline.ticket.Assignment;
import cn.nantong.hotline.ticket.AssignmentStatus;
import cn.nantong.hotline.ticket.SuggestedDepartment;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketActed;
import cn.nantong.hotline.ticket.TicketReceived;
import cn.nantong.hotline.ticket.TicketRecorded;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Department suggestions at intake (智能派单), learned from what departments actually did. Outcomes are written
 * to routing_example in the business transaction; every instance replays the rows it has not learned (its own
 * right after commit, the others' within seconds), so the model improves as history grows with no retraining.
 */
@ApplicationScoped
public class RoutingService {

    static final int SUGGESTIONS = 3;
    private static final int BATCH = 5000;

    /** Fired when an example was written, so this instance learns it as soon as it commits. */
    record ExampleRecorded() {
    }

    private final Event<ExampleRecorded> recorded;
    private final java.time.Clock clock;
    private final int historyLimit;
    private DepartmentSuggester suggester;
    private Path indexDir;
    private long lastExample;
    private long lastKbChange = -1;
    /**
     * Tickets learned, oldest first. Only the newest {@code historyLimit} precedents are kept, so the cost of a
     * suggestion stays flat however long the history grows; older ones matter least.
     */
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    RoutingService(Event<ExampleRecorded> recorded, java.time.Clock clock,
                   @ConfigProperty(name = "hotline.routing.history-limit", defaultValue = "20000") int historyLimit) {
        this.recorded = recorded;
        this.clock = clock;
        this.historyLimit = historyLimit;
    }

    void onStart(@Observes StartupEvent e) throws IOException {
        indexDir = Files.createTempDirectory("hotline-routing");
        suggester = new DepartmentSuggester(kind -> new MMapDirectory(Files.createDirectory(indexDir.resolve(kind))));
        RoutingRules.seedIfEmpty();
        reloadRules();
        skipToRecentHistory();
        sync();
        suggester.compact();
    }

    /** The index is rebuilt from routing_example at every start, so nothing of it is worth keeping. */
    void onStop(@Observes ShutdownEvent e) throws IOException {
        suggester.close();
        IOUtils.rm(indexDir);
    }

    /** Intake: up to three departments, best first, stored with the new ticket. */
    void onReceived(@Observes @Priority(TicketReceived.ROUTING) TicketReceived e) {
        Ticket t = e.ticket();
        t.suggestedDepartments = toSuggested(suggester.suggest(e.words(), t.category, SUGGESTIONS));
    }

    /** Imported history that names its department teaches at once. */
    void onRecorded(@Observes @Priority(TicketRecorded.ROUTING) TicketRecorded e) {
        Ticket t = e.ticket();
        if (t.handledBy != null) {
            example(t, t.handledBy, true);
        }
    }

    /** Up to three departments for a call's text, best first: at intake, and while the agent still types it. */
    public List<SuggestedDepartment> suggest(String content, String category) {
        return toSuggested(suggester.suggest(content, category, SUGGESTIONS));
    }

    private static List<SuggestedDepartment> toSuggested(List<Suggestion> suggestions) {
        return suggestions.stream().map(s -> new SuggestedDepartment(s.code(), s.score(), s.reasons())).toList();
    }

    /** A lead department's reply is a precedent for it; any return is evidence against the returning department. */
    void onActed(@Observes TicketActed e) {
        Ticket t = e.ticket();
        if ("reply".equals(e.action())) {
            t.activeAssignments().stream()
                    .filter(a -> a.isLead() && a.department.equals(e.department()) && a.status == AssignmentStatus.REPLIED)
                    .findFirst().ifPresent(a -> example(t, a.department, true));
        } else if ("return".equals(e.action())) {
            example(t, e.department(), false);
        }
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExampleRecorded e) {
        sync();
    }

    @Scheduled(every = "${hotline.routing.sync-interval:5s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        sync();
    }

    /** Rules changed by an administrator take effect at once here, and at the next sync elsewhere. */
    @Transactional
    public void reloadRules() {
        suggester.replaceRules(RoutingRules.load());
    }

    /**
     * Learns examples and knowledge-base changes not yet learned here. Each batch reads in its own short
     * transaction: a start-up replaying a long history must not run into the transaction timeout.
     */
    synchronized void sync() {
        List<Object[]> rows;
        do {
            long after = lastExample;
            rows = QuarkusTransaction.requiringNew().call(() -> examplesAfter(after));
            learn(rows);
        } while (rows.size() == BATCH);
        QuarkusTransaction.requiringNew().run(this::learnKbChanges);
    }

    private void learn(List<Object[]> rows) {
        for (Object[] r : rows) {
            long ticketId = ((Number) r[1]).longValue();
            if ((Boolean) r[3]) {
                suggester.learnHandled(ticketId, (String) r[4], (String) r[5], (String) r[2]);
            } else {
                suggester.learnReturned(ticketId, (String) r[4], (String) r[2]);
            }
            lastExample = ((Number) r[0]).longValue();
            window.addLast(ticketId);
            while (window.size() > historyLimit) {
                suggester.forgetTicket(window.removeFirst());
            }
        }
    }

    private void learnKbChanges() {
        List<KbEntry> changed = KbEntry.list("changeSeq > ?1 order by changeSeq", lastKbChange);
        for (KbEntry k : changed) {
            if (k.retired) {
                suggester.forgetKbEntry(k.id);
            } else {
                suggester.learnKbEntry(k.id, k.title, k.title + "\n" + String.join(" ", k.keywords) + "\n" + k.body,
                        k.department);
            }
            lastKbChange = k.changeSeq;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> examplesAfter(long seq) {
        return Panache.getEntityManager().createNativeQuery("select seq, ticket_id, department, positive, text, category "
                + "from routing_example where seq > ?1 order by seq limit " + BATCH).setParameter(1, seq).getResultList();
    }

    /** A large history starts from its most recent examples: old precedents matter least. */
    @Transactional
    void skipToRecentHistory() {
        Number floor = (Number) Panache.getEntityManager().createNativeQuery(
                "select coalesce(max(seq), 0) - ?1 from routing_example").setParameter(1, historyLimit).getSingleResult();
        lastExample = Math.max(0, floor.longValue());
    }

    private void example(Ticket t, String department, boolean positive) {
        Panache.getEntityManager().createNativeQuery("""
                insert into routing_example (ticket_id, department, positive, text, category, at)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, t.id).setParameter(2, department).setParameter(3, positive).setParameter(4, t.content)
                .setParameter(5, t.category).setParameter(6, clock.instant()).executeUpdate();
        recorded.fire(new ExampleRecorded());
    }
}
