package cn.nantong.hotline.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One line of the audit log: who viewed, revealed or changed what, when, from where. The database refuses edits. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant at;

    @Column(nullable = false)
    public String actor;

    public String role;

    /** {@code ticket.view}, {@code ticket.reveal-phone}, {@code ticket.dispatch}, {@code KbEditor.update} … */
    @Column(nullable = false)
    public String action;

    /** What was acted on: a ticket number, a request path; never a caller's number. */
    public String target;

    @Column(name = "ticket_id")
    public Long ticketId;

    @Column(name = "client_address")
    public String clientAddress;

    public String note;
}
