package cn.nantong.hotline.supervision;

import cn.nantong.hotline.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A supervision case (督办件): a problem the coordination center takes over because departments alone did
 * not solve it. Owns its lifecycle OPEN → ASSIGNED → RESOLVED → CLOSED; every step leaves a timeline event.
 */
@Entity
@Table(name = "supervision_case")
public class SupervisionCase extends PanacheEntityBase {

    public enum Status { OPEN, ASSIGNED, RESOLVED, CLOSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Version
    public int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> triggers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> reasons = new ArrayList<>();

    @Column(name = "cluster_id")
    public Long clusterId;

    public String district;

    @Column(nullable = false)
    public String summary;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "lead_department")
    public String leadDepartment;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "co_departments", nullable = false, columnDefinition = "text[]")
    public List<String> coDepartments = new ArrayList<>();

    public Instant deadline;

    @Column(name = "notice_text")
    public String noticeText;

    @Column(name = "notice_issued_at")
    public Instant noticeIssuedAt;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Transient
    final List<CaseEvent> pendingEvents = new ArrayList<>();

    /**
     * Adds the fired triggers: one reason per kind, {@code reasons[i]} explaining {@code triggers[i]}. A kind
     * already on the case keeps its place and takes the newer reason ("反映 5 次" instead of "反映 4 次"): a
     * problem reported a thousand times is one reason with its latest count, not a thousand lines.
     *
     * @return the reasons of the kinds new to the case, for its timeline
     */
    List<String> addTriggers(List<Trigger> fired) {
        List<String> added = new ArrayList<>();
        for (Trigger t : fired) {
            int i = triggers.indexOf(t.kind().name());
            if (i < 0) {
                triggers.add(t.kind().name());
                reasons.add(t.reason());
                added.add(t.reason());
            } else if (!reasons.get(i).equals(t.reason())) {
                reasons.set(i, t.reason());
            }
        }
        return added;
    }

    /** 交办: the coordinator names the lead and co-departments and the supervision deadline. */
    void assign(String lead, List<String> co, Instant due, String note, String actor, Instant now) {
        require("assign", status == Status.OPEN || status == Status.ASSIGNED);
        if (co.contains(lead)) {
            throw ProblemException.badRequest("co", "主办单位不能同时是协办单位。");
        }
        if (!due.isAfter(now)) {
            throw ProblemException.badRequest("deadline", "督办期限必须晚于现在。");
        }
        leadDepartment = lead;
        coDepartments = new ArrayList<>(co);
        deadline = due;
        status = Status.ASSIGNED;
        record(now, actor, "assign", lead, "主办：" + lead + (co.isEmpty() ? "" : "；协办：" + String.join("、", co))
                + "；期限：" + due + (blank(note) ? "" : "；" + note));
    }

    /** 督办单: the notice every named department sees at the top of its queue. */
    void issueNotice(String text, String actor, Instant now) {
        require("notice", status == Status.ASSIGNED);
        noticeText = text;
        noticeIssuedAt = now;
        record(now, actor, "notice", leadDepartment, text);
    }

    void note(String text, String actor, Instant now) {
        require("note", status != Status.CLOSED);
        record(now, actor, "note", null, text);
    }

    /** A named department answers the notice. */
    void respond(String department, String text, String actor, Instant now) {
        require("respond", status == Status.ASSIGNED && noticeIssuedAt != null);
        if (!involves(department)) {
            throw ProblemException.notFound("督办件 " + id + " 没有交办给部门 " + department + "。");
        }
        record(now, actor, "response", department, text);
    }

    void resolve(String note, String actor, Instant now) {
        require("resolve", status == Status.ASSIGNED);
        status = Status.RESOLVED;
        resolvedAt = now;
        record(now, actor, "resolve", null, note);
    }

    /** Closing an OPEN case dismisses it (no supervision needed); a RESOLVED one is archived. */
    void close(String note, String actor, Instant now) {
        require("close", status == Status.OPEN || status == Status.RESOLVED);
        status = Status.CLOSED;
        closedAt = now;
        record(now, actor, "close", null, note);
    }

    public boolean involves(String department) {
        return department != null && (department.equals(leadDepartment) || coDepartments.contains(department));
    }

    public List<String> allowedActions() {
        return switch (status) {
            case OPEN -> List.of("assign", "note", "close");
            case ASSIGNED -> noticeIssuedAt == null ? List.of("assign", "notice", "note", "resolve")
                    : List.of("assign", "notice", "note", "respond", "resolve");
            case RESOLVED -> List.of("note", "close");
            case CLOSED -> List.of();
        };
    }

    void record(Instant at, String actor, String action, String department, String note) {
        CaseEvent e = new CaseEvent();
        e.at = at;
        e.actor = actor;
        e.action = action;
        e.department = department;
        e.note = note;
        pendingEvents.add(e);
    }

    private void require(String action, boolean allowed) {
        if (!allowed) {
            throw new ProblemException(409, "illegal-transition", "Action not allowed in this state",
                    "督办件当前状态为 " + status + "，不能执行 " + action + "；当前可执行："
                            + (allowedActions().isEmpty() ? "无" : String.join("、", allowedActions())) + "。",
                    List.of(), java.util.Map.of("state", status.name(), "allowedActions", allowedActions()));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
