package cn.nantong.hotline.kb;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A department's answer to a transferred inquiry, waiting in the editors' queue to become an entry. */
@Entity
@Table(name = "kb_draft")
public class KbDraft extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(nullable = false)
    public String question;

    @Column(nullable = false)
    public String answer;

    @Column(name = "department_code", nullable = false)
    public String department;

    public String category;

    @Column(name = "based_on_entry")
    public String basedOnEntry;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** OPEN until an editor publishes an entry from it or dismisses it. */
    @Column(nullable = false)
    public String status = "OPEN";
}
