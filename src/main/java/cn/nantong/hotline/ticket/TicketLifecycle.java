package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a ticket's life: which action is allowed in which state, what it changes, and the timeline
 * event it leaves. Plain Java over the {@link Ticket} aggregate, so every rule is unit-testable.
 */
public final class TicketLifecycle {

    /** How the caller judged the handling on callback (回访). */
    public enum Satisfaction { SATISFIED, BASICALLY_SATISFIED, UNSATISFIED }

    private final TimeLimits limits;

    public TicketLifecycle(TimeLimits limits) {
        this.limits = limits;
    }

    /**
     * 派单: one lead (主办) and optional co-handlers (协办). A department that returned this ticket gets it
     * again only with a coordinator's override: otherwise tickets bounce between the same two desks.
     */
    public void dispatch(Ticket t, String lead, List<String> co, String note, String actor, Instant now,
                         boolean override) {
        require(t, "dispatch", t.status == TicketStatus.NEW || t.status == TicketStatus.RETURNED);
        Set<String> departments = new LinkedHashSet<>();
        departments.add(lead);
        for (String c : co) {
            if (!departments.add(c)) {
                throw ProblemException.badRequest("co", "部门 " + c + " 重复出现：主办和协办单位不能相同，协办单位不能重复。");
            }
        }
        if (!override) {
            for (String d : departments) {
                boolean returnedBefore = t.assignments.stream()
                        .anyMatch(a -> a.department.equals(d) && a.status == AssignmentStatus.RETURNED && a.returnReason != null);
                if (returnedBefore) {
                    throw ProblemException.conflict("部门 " + d + " 已退回过此工单，再次派给该部门需要便民服务中心协调员确认（override）。");
                }
            }
        }
        TicketStatus from = t.status;
        for (String d : departments) {
            t.assignments.add(newAssignment(t, d, d.equals(lead) ? Assignment.Role.LEAD : Assignment.Role.CO, now));
        }
        t.status = TicketStatus.DISPATCHED;
        t.record(now, actor, "dispatch", from, lead, describe(lead, co, note));
    }

    /** 签收. */
    public void accept(Ticket t, String department, String actor, Instant now) {
        Assignment a = own(t, department, "accept", AssignmentStatus.DISPATCHED);
        a.status = AssignmentStatus.ACCEPTED;
        a.acceptedAt = now;
        TicketStatus from = t.status;
        if (a.isLead()) {
            t.status = TicketStatus.ACCEPTED;
        }
        t.record(now, actor, "accept", from, department, null);
    }

    /** 退单: not this department's matter. The lead returning sends the whole ticket back to dispatch. */
    public void returnTicket(Ticket t, String department, String reason, String actor, Instant now) {
        Assignment a = own(t, department, "return", AssignmentStatus.DISPATCHED, AssignmentStatus.ACCEPTED);
        a.status = AssignmentStatus.RETURNED;
        a.returnedAt = now;
        a.returnReason = reason;
        TicketStatus from = t.status;
        if (a.isLead()) {
            for (Assignment other : t.activeAssignments()) {
                other.status = AssignmentStatus.RETURNED;
                other.returnedAt = now;
            }
            t.status = TicketStatus.RETURNED;
        } else if (allReplied(t)) {
            t.status = TicketStatus.REPLIED;
        }
        t.record(now, actor, "return", from, department, reason);
    }

    /** 答复: the ticket is REPLIED when the lead and every co-handler have replied. */
    public void reply(Ticket t, String department, String text, Assignment.Outcome outcome, String actor, Instant now) {
        Assignment a = own(t, department, "reply", AssignmentStatus.ACCEPTED);
        a.status = AssignmentStatus.REPLIED;
        a.repliedAt = now;
        a.replyText = text;
        a.outcome = outcome;
        TicketStatus from = t.status;
        if (allReplied(t)) {
            t.status = TicketStatus.REPLIED;
        }
        t.record(now, actor, "reply", from, department, outcome + "：" + text);
    }

    /**
     * The coordinator sends a template or empty reply back (退回重新答复): the department's part is open again,
     * against its original deadline, and the ticket waits for a real answer before any callback.
     */
    public void sendBackReply(Ticket t, String department, String reason, String actor, Instant now) {
        Assignment a = own(t, department, "send-back", AssignmentStatus.REPLIED);
        a.status = AssignmentStatus.ACCEPTED;
        a.repliedAt = null;
        a.outcome = null;
        TicketStatus from = t.status;
        if (t.status == TicketStatus.REPLIED) {
            t.status = TicketStatus.ACCEPTED;
        }
        t.record(now, actor, "send-back", from, department, reason);
    }

    /** 待补充: the department needs more from the caller; its clock stops until the agent answers. */
    public void awaitCaller(Ticket t, String department, String reason, String actor, Instant now) {
        Assignment a = own(t, department, "await-caller", AssignmentStatus.ACCEPTED);
        a.status = AssignmentStatus.AWAITING_CALLER;
        a.pausedAt = now;
        a.pausedRemainingSeconds = limits.remaining(t, now, a.replyDueAt).toSeconds();
        t.record(now, actor, "await-caller", t.status, department, reason);
    }

    /** The agent records what the caller added; every paused department's clock resumes. */
    public void callerInfo(Ticket t, String note, String actor, Instant now) {
        List<Assignment> waiting = t.activeAssignments().stream()
                .filter(a -> a.status == AssignmentStatus.AWAITING_CALLER).toList();
        if (waiting.isEmpty()) {
            throw new IllegalTransitionException("caller-info", t.status, allowedActions(t));
        }
        for (Assignment a : waiting) {
            a.status = AssignmentStatus.ACCEPTED;
            a.pausedWorkingSeconds += limits.remaining(t, a.pausedAt, now).toSeconds();
            a.replyDueAt = limits.resume(t, now, Duration.ofSeconds(a.pausedRemainingSeconds));
            a.pausedAt = null;
            a.pausedRemainingSeconds = null;
        }
        t.record(now, actor, "caller-info", t.status, null, note);
    }

    /** 延期申请: the department asks for more working days; a coordinator decides. One request at a time. */
    public void requestExtension(Ticket t, String department, int workingDays, String reason, String actor, Instant now) {
        Assignment a = own(t, department, "extension", AssignmentStatus.ACCEPTED, AssignmentStatus.AWAITING_CALLER);
        if (a.extensionRequestedDays != null) {
            throw ProblemException.conflict("已有一项延期申请（" + a.extensionRequestedDays + " 个工作日）等待协调员决定。");
        }
        a.extensionRequestedDays = workingDays;
        a.extensionReason = reason;
        a.extensionRequestedAt = now;
        t.record(now, actor, "extension", t.status, department, "申请延期 " + workingDays + " 个工作日：" + reason);
    }

    /** The coordinator's decision on a pending extension: approved days move the reply deadline. */
    public void decideExtension(Ticket t, String department, boolean approve, String note, String actor, Instant now) {
        Assignment a = t.activeAssignments().stream()
                .filter(x -> x.department.equals(department) && x.extensionRequestedDays != null).findFirst()
                .orElseThrow(() -> ProblemException.conflict("部门 " + department + " 在工单 " + t.number + " 上没有待决定的延期申请。"));
        int days = a.extensionRequestedDays;
        if (approve) {
            a.extensionDays += days;
            if (a.status == AssignmentStatus.AWAITING_CALLER) {
                // The deadline is recomputed on resume from what was left: extend that instead.
                a.pausedRemainingSeconds += limits.workingDays(days).toSeconds();
            } else {
                a.replyDueAt = limits.extend(a.replyDueAt, days);
            }
        }
        a.extensionRequestedDays = null;
        a.extensionReason = null;
        a.extensionRequestedAt = null;
        t.record(now, actor, approve ? "extension-approved" : "extension-rejected", t.status, department,
                (approve ? "同意延期 " : "不同意延期 ") + days + " 个工作日" + (note == null || note.isBlank() ? "" : "：" + note));
    }

    /**
     * 回访: satisfied and resolved closes; otherwise the same departments handle it again (重办) with new
     * time limits, and the unsatisfied callback is counted.
     */
    public void callback(Ticket t, Satisfaction satisfaction, boolean resolved, String note, String actor, Instant now) {
        require(t, "callback", t.status == TicketStatus.REPLIED);
        TicketStatus from = t.status;
        for (Assignment a : t.activeAssignments()) {
            a.callbackSatisfaction = satisfaction;
            a.callbackResolved = resolved;
        }
        if (satisfaction != Satisfaction.UNSATISFIED && resolved) {
            t.status = TicketStatus.CLOSED;
            t.closedAt = now;
        } else {
            if (satisfaction == Satisfaction.UNSATISFIED) {
                t.unsatisfiedCallbacks++;
            }
            List<Assignment> previous = t.activeAssignments();
            t.round++;
            for (Assignment p : previous) {
                t.assignments.add(newAssignment(t, p.department, p.role, now));
            }
            t.status = TicketStatus.REOPENED;
        }
        t.record(now, actor, "callback", from, null,
                satisfaction + (resolved ? "，已解决" : "，未解决") + (note == null || note.isBlank() ? "" : "：" + note));
    }

    /**
     * The light of one department's part: against the accept deadline until accepted, then the reply
     * deadline; frozen while waiting for the caller; none once replied or returned.
     */
    public Light light(Ticket t, Assignment a, Instant now) {
        return switch (a.status) {
            case DISPATCHED -> limits.light(t, true, a.dispatchedAt, a.acceptDueAt, now)
                    .worse(limits.light(t, false, a.dispatchedAt, a.replyDueAt, now));
            case ACCEPTED -> limits.light(t, false, clockStart(t, a), a.replyDueAt, now);
            case AWAITING_CALLER -> limits.light(t, false, clockStart(t, a), a.replyDueAt, a.pausedAt);
            case REPLIED, RETURNED -> Light.GREEN;
        };
    }

    /**
     * Where the reply clock effectively started: later than dispatch by the working time spent waiting for the
     * caller, so that time counts neither as used nor as granted.
     */
    private Instant clockStart(Ticket t, Assignment a) {
        return a.pausedWorkingSeconds == 0 ? a.dispatchedAt
                : limits.resume(t, a.dispatchedAt, Duration.ofSeconds(a.pausedWorkingSeconds));
    }

    /** The ticket's light: the worst of its current departments'. */
    public Light light(Ticket t, Instant now) {
        Light worst = Light.GREEN;
        for (Assignment a : t.activeAssignments()) {
            worst = worst.worse(light(t, a, now));
        }
        return worst;
    }

    /** What may be done now, for the 409 answer and for the consoles' buttons. */
    public static List<String> allowedActions(Ticket t) {
        List<String> out = new ArrayList<>();
        switch (t.status) {
            case NEW, RETURNED -> out.add("dispatch");
            case REPLIED -> out.add("callback");
            case DISPATCHED, ACCEPTED, REOPENED -> {
                List<Assignment> active = t.activeAssignments();
                if (active.stream().anyMatch(a -> a.status == AssignmentStatus.DISPATCHED)) {
                    out.add("accept");
                }
                if (active.stream().anyMatch(a -> a.status == AssignmentStatus.DISPATCHED || a.status == AssignmentStatus.ACCEPTED)) {
                    out.add("return");
                }
                if (active.stream().anyMatch(a -> a.status == AssignmentStatus.ACCEPTED)) {
                    out.addAll(List.of("reply", "await-caller", "extension"));
                }
                if (active.stream().anyMatch(a -> a.status == AssignmentStatus.AWAITING_CALLER)) {
                    out.add("caller-info");
                }
            }
            default -> {
            }
        }
        return out;
    }

    private Assignment newAssignment(Ticket t, String department, Assignment.Role role, Instant now) {
        t.assignments.stream().filter(x -> x.department.equals(department)).forEach(x -> x.superseded = true);
        Assignment a = new Assignment();
        a.ticket = t;
        a.department = department;
        a.role = role;
        a.status = AssignmentStatus.DISPATCHED;
        a.round = t.round;
        a.dispatchedAt = now;
        a.acceptDueAt = limits.acceptDue(t, now);
        a.replyDueAt = limits.replyDue(t, now);
        return a;
    }

    private static boolean allReplied(Ticket t) {
        List<Assignment> active = t.activeAssignments();
        return !active.isEmpty() && active.stream().allMatch(a -> a.status == AssignmentStatus.REPLIED);
    }

    /** The department's own assignment in the current round, in one of the states the action needs. */
    private static Assignment own(Ticket t, String department, String action, AssignmentStatus... allowed) {
        Assignment a = t.activeAssignments().stream().filter(x -> x.department.equals(department)).findFirst()
                .orElseThrow(() -> t.status.isFinal() || t.activeAssignments().isEmpty()
                        ? new IllegalTransitionException(action, t.status, allowedActions(t))
                        : ProblemException.notFound("工单 " + t.number + " 当前没有派给部门 " + department + "。"));
        for (AssignmentStatus s : allowed) {
            if (a.status == s) {
                return a;
            }
        }
        throw new IllegalTransitionException(action, t.status, allowedActions(t));
    }

    private static void require(Ticket t, String action, boolean allowed) {
        if (!allowed) {
            throw new IllegalTransitionException(action, t.status, allowedActions(t));
        }
    }

    private static String describe(String lead, List<String> co, String note) {
        String s = "主办：" + lead + (co.isEmpty() ? "" : "；协办：" + String.join("、", co));
        return note == null || note.isBlank() ? s : s + "；" + note;
    }
}
