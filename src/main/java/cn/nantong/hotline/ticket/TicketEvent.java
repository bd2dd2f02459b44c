package cn.nantong.hotline.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.time.Instant;

/** One step on a ticket's timeline: who did what, when, from which state to which. Append-only. */
@Entity
@Immutable
@Table(name = "ticket_event")
public class TicketEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_event_seq")
    @jakarta.persistence.SequenceGenerator(name = "ticket_event_seq", sequenceName = "ticket_event_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public TicketStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public TicketStatus toStatus;

    @Column(name = "department_code")
    public String department;

    public String note;

    static TicketEvent of(Ticket t, Instant at, String actor, String action, TicketStatus from, String department,
                          String note) {
        TicketEvent e = new TicketEvent();
        e.ticketId = t.id;
        e.at = at;
        e.actor = actor;
        e.action = action;
        e.fromStatus = from;
        e.toStatus = t.status;
        e.department = department;
        e.note = note;
        return e;
    }
}
