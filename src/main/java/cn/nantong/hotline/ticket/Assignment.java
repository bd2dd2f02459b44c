package cn.nantong.hotline.ticket;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One department's part of a ticket (主办 or 协办), with its own state and time limits. */
@Entity
@Table(name = "assignment")
public class Assignment extends PanacheEntityBase {

    /** 主办 answers for the ticket; 协办 contribute their part. */
    public enum Role { LEAD, CO }

    /** How the department says the matter ended. */
    public enum Outcome { RESOLVED, PARTIALLY_RESOLVED, UNRESOLVED_EXPLAINED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assignment_seq")
    @SequenceGenerator(name = "assignment_seq", sequenceName = "assignment_id_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id")
    public Ticket ticket;

    @Column(name = "department_code", nullable = false)
    public String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AssignmentStatus status;

    /** Which round of handling this is: 1, then +1 each time the caller sends it back (重办). */
    @Column(nullable = false)
    public int round;

    /** A later part of the same ticket went to the same department; the inbox lists that one instead. */
    @Column(nullable = false)
    public boolean superseded;

    @Column(name = "dispatched_at", nullable = false)
    public Instant dispatchedAt;

    @Column(name = "accept_due_at", nullable = false)
    public Instant acceptDueAt;

    @Column(name = "accepted_at")
    public Instant acceptedAt;

    @Column(name = "reply_due_at", nullable = false)
    public Instant replyDueAt;

    /** While waiting for the caller (待补充): the working time that was left, re-applied on resume. */
    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "paused_remaining_seconds")
    public Long pausedRemainingSeconds;

    /** Working time spent waiting for the caller in earlier pauses: not counted as used by the light. */
    @Column(name = "paused_working_seconds", nullable = false)
    public long pausedWorkingSeconds;

    @Column(name = "replied_at")
    public Instant repliedAt;

    @Column(name = "reply_text")
    public String replyText;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "returned_at")
    public Instant returnedAt;

    @Column(name = "return_reason")
    public String returnReason;

    @Column(name = "extension_days", nullable = false)
    public int extensionDays;

    /** A pending extension request (延期申请) waiting for a coordinator's decision. */
    @Column(name = "extension_requested_days")
    public Integer extensionRequestedDays;

    @Column(name = "extension_reason")
    public String extensionReason;

    @Column(name = "extension_requested_at")
    public Instant extensionRequestedAt;

    /** The light as the last scan saw it; {@link TicketLifecycle#light} gives the live one. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Light light = Light.GREEN;

    @Column(name = "red_since")
    public Instant redSince;

    /** The caller's verdict on the round this assignment belonged to (回访), for 满意率 and 解决率. */
    @Enumerated(EnumType.STRING)
    @Column(name = "callback_satisfaction")
    public TicketLifecycle.Satisfaction callbackSatisfaction;

    @Column(name = "callback_resolved")
    public Boolean callbackResolved;

    public boolean isLead() {
        return role == Role.LEAD;
    }
}
