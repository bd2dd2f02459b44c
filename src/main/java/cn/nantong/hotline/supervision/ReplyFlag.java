package cn.nantong.hotline.supervision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** A department reply flagged as a template or as saying nothing concrete, for the coordinator to judge. */
@Entity
@Table(name = "reply_flag")
public class ReplyFlag extends PanacheEntityBase {

    public enum Status { PENDING, ACCEPTED, SENT_BACK }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "ticket_id", nullable = false)
    public Long ticketId;

    @Column(name = "assignment_id", nullable = false)
    public Long assignmentId;

    @Column(nullable = false)
    public String department;

    @Column(name = "flagged_at", nullable = false)
    public Instant flaggedAt;

    @Column(name = "near_copy", nullable = false)
    public boolean nearCopy;

    @Column(nullable = false)
    public boolean vague;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> reasons;

    /** The earlier replies this one copies, with their similarity. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<ReplyVerdict.CopiedReply> copies;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;
}
