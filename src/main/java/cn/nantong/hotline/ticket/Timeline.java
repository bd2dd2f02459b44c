package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.PendingWrites;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.generator.BeforeExecutionGenerator;
import org.hibernate.generator.EventType;

import java.util.List;

/**
 * Appends timeline events. They go with the transaction's pending writes instead of an insert of their own: nothing
 * later in an intake reads them, and at intake that saves one of its round trips to the database. A reader in the
 * same transaction calls {@link #flush()} first.
 * <p>
 * Ids still come from Hibernate's generator for {@link TicketEvent}, whose pooled blocks of the sequence other
 * instances, old ones during a rolling upgrade included, also allocate from; an id taken by {@code nextval} in SQL
 * could fall inside a block an old instance holds.
 */
@ApplicationScoped
public class Timeline {

    private static final String INSERT = """
            insert into ticket_event (id, ticket_id, at, actor, action, from_status, to_status, department_code, note)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""";

    private final PendingWrites writes;

    Timeline(PendingWrites writes) {
        this.writes = writes;
    }

    /** The ticket's new events, in order, written with the transaction. */
    void append(Ticket t) {
        List<TicketEvent> events = t.drainEvents();
        if (events.isEmpty()) {
            return;
        }
        var session = Panache.getEntityManager().unwrap(SharedSessionContractImplementor.class);
        var ids = (BeforeExecutionGenerator) session.getFactory().getMappingMetamodel()
                .getEntityDescriptor(TicketEvent.class).getGenerator();
        for (TicketEvent e : events) {
            e.id = ((Number) ids.generate(session, e, null, EventType.INSERT)).longValue();
            e.ticketId = t.id;
            writes.add(INSERT, e.id, e.ticketId, e.at, e.actor, e.action, name(e.fromStatus), e.toStatus.name(),
                    e.department, e.note);
        }
    }

    /** Sends the events not yet written, so that this transaction's timeline query sees them. */
    void flush() {
        writes.send();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
