package cn.nantong.hotline.ticket;

import cn.nantong.hotline.privacy.ProtectedPhone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A ticket (工单): one citizen matter from intake to closure. The aggregate owns its lifecycle: every
 * action checks the current state, changes it, and appends a timeline event ({@link TicketLifecycle}).
 */
@Entity
@Table(name = "ticket")
public class Ticket extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_seq")
    @SequenceGenerator(name = "ticket_seq", sequenceName = "ticket_id_seq", allocationSize = 50)
    public Long id;

    /** Optimistic lock: two people acting at once, one wins, the other gets 409. */
    @Version
    public int version;

    @Column(nullable = false, unique = true)
    public String number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TicketType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** The caller's number sealed with AES-GCM (see docs/privacy.md); null once erased by retention. */
    @Column(name = "caller_phone_enc")
    public String callerPhoneEnc;

    /** Keyed hash of the number: caller history, repeat candidates and distinct-caller counts compare this. */
    @Column(name = "caller_phone_hash")
    public String callerPhoneHash;

    /** What screens show: {@code 139****4567}. */
    @Column(name = "caller_phone_masked")
    public String callerPhoneMasked;

    /** When retention removed the caller's personal data; null while it is kept. */
    @Column(name = "personal_data_erased_at")
    public Instant personalDataErasedAt;

    @Column(name = "caller_name")
    public String callerName;

    /** The caller asked that their number not be given to departments. */
    @Column(nullable = false)
    public boolean confidential;

    public String district;
    public String address;

    @Column(nullable = false)
    public String content;

    public String category;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    /** Knowledge-base entries the agent answered an inquiry with (how often the 热线百科 suffices). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "answered_with", nullable = false, columnDefinition = "text[]")
    public List<String> answeredWith = new ArrayList<>();

    /** Handling round: 1, +1 per reopen (重办). */
    @Column(nullable = false)
    public int round = 1;

    @Column(name = "unsatisfied_callbacks", nullable = false)
    public int unsatisfiedCallbacks;

    /** Set for history imported from a legacy system: the department that handled it there. */
    @Column(name = "handled_by")
    public String handledBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The repeat cluster (重复件) this report belongs to, if it was ever linked to another. */
    @Column(name = "cluster_id")
    public Long clusterId;

    /** The earlier ticket this one repeats, as decided at intake; null for a new problem. */
    @Column(name = "repeat_of")
    public Long repeatOf;

    @Column(name = "repeat_score")
    public Double repeatScore;

    /**
     * Empty rather than null when there are none: the driver sends a null array as a value of no type and a full one as
     * text[], and each switch between the two made PostgreSQL parse and plan the ticket insert again (pg_stat_statements:
     * planned at 6,566 of 6,750 intakes before, 12 times in 8,417 after).
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "repeat_reasons", columnDefinition = "text[]")
    public List<String> repeatReasons = new ArrayList<>();

    /** The kind of problem read from the content (噪声, 供水…), for hot topics per district. */
    @Column(name = "problem_kind")
    public String problemKind;

    /** Parsed repeat-detection features (repeat.StoredFeatures); erased with the content. */
    @Column(name = "repeat_features")
    public String repeatFeatures;

    /**
     * Replaced whole, never changed in place, and declared so: otherwise Hibernate snapshots and compares the list
     * through a JSON round trip at every load and flush.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "suggested_departments", columnDefinition = "jsonb")
    public List<SuggestedDepartment> suggestedDepartments;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<Assignment> assignments = new ArrayList<>();

    /** Timeline events produced by this unit of work, persisted by the service with the ticket. */
    @Transient
    final List<TicketEvent> pendingEvents = new ArrayList<>();

    void protectPhone(ProtectedPhone p) {
        callerPhoneEnc = p.encrypted();
        callerPhoneHash = p.hash();
        callerPhoneMasked = p.masked();
    }

    public List<TicketEvent> drainEvents() {
        List<TicketEvent> out = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return out;
    }

    /** The first 60 characters of the content, for lists and boards. */
    public String contentPreview() {
        return content.length() > 60 ? content.substring(0, 60) + "…" : content;
    }

    /** The current round's assignments that still owe something (not returned). */
    public List<Assignment> activeAssignments() {
        return assignments.stream().filter(a -> a.round == round && a.status.isActive()).toList();
    }

    void record(Instant at, String actor, String action, TicketStatus from, String department, String note) {
        pendingEvents.add(TicketEvent.of(this, at, actor, action, from, department, note));
    }
}
