package cn.nantong.hotline.repeat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One real-world problem reported one or more times (重复件): how often, since when, by how many callers. */
@Entity
@Table(name = "repeat_cluster")
public class RepeatCluster extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "first_ticket_id", nullable = false)
    public Long firstTicketId;

    public String district;

    public String place;

    @Column(name = "problem_kind")
    public String problemKind;

    @Column(name = "report_count", nullable = false)
    public int reportCount;

    @Column(name = "caller_count", nullable = false)
    public int callerCount;

    @Column(name = "first_at", nullable = false)
    public Instant firstAt;

    @Column(name = "last_at", nullable = false)
    public Instant lastAt;

    /** When a department last declared the problem resolved. */
    @Column(name = "handled_at")
    public Instant handledAt;

    /** Someone reported it again after it was declared resolved: the complaint loop. */
    @Column(name = "reported_after_handled", nullable = false)
    public boolean reportedAfterHandled;
}
