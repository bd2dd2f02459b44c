package cn.nantong.hotline.supervision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides which escalation rules a fact fires. Plain Java: the service gathers the facts, this judges them. */
public final class EscalationRules {

    /** What is known about a problem's cluster right after a new report joined it. */
    public record ClusterFacts(int reportsInWindow, int callersInHotWindow, boolean reportedAfterHandled) {
    }

    private final int repeatReports;
    private final int repeatWindowDays;
    private final int hotCallers;
    private final int hotWindowHours;
    private final int returningDepartments;
    private final int redWorkingDays;
    private final int unsatisfiedCallbacks;

    public EscalationRules(int repeatReports, int repeatWindowDays, int hotCallers, int hotWindowHours,
                           int returningDepartments, int redWorkingDays, int unsatisfiedCallbacks) {
        this.repeatReports = repeatReports;
        this.repeatWindowDays = repeatWindowDays;
        this.hotCallers = hotCallers;
        this.hotWindowHours = hotWindowHours;
        this.returningDepartments = returningDepartments;
        this.redWorkingDays = redWorkingDays;
        this.unsatisfiedCallbacks = unsatisfiedCallbacks;
    }

    public static EscalationRules of(EscalationConfig c) {
        return new EscalationRules(c.repeatReports(), c.repeatWindowDays(), c.hotCallers(), c.hotWindowHours(),
                c.returningDepartments(), c.redWorkingDays(), c.unsatisfiedCallbacks());
    }

    public int repeatWindowDays() {
        return repeatWindowDays;
    }

    public int hotWindowHours() {
        return hotWindowHours;
    }

    public int redWorkingDays() {
        return redWorkingDays;
    }

    public List<Trigger> onReport(ClusterFacts f) {
        List<Trigger> out = new ArrayList<>();
        if (f.callersInHotWindow() >= hotCallers) {
            out.add(new Trigger(Trigger.Kind.HOT, hotWindowHours + " 小时内 " + f.callersInHotWindow()
                    + " 位不同来电人反映同一问题（热点问题，立即督办）"));
        }
        if (f.reportedAfterHandled()) {
            out.add(new Trigger(Trigger.Kind.LOOP, "部门答复已办结后，群众再次反映同一问题（投诉—反馈—未解决—再投诉）"));
        }
        if (f.reportsInWindow() >= repeatReports) {
            out.add(new Trigger(Trigger.Kind.REPEATED, repeatWindowDays + " 天内同一问题被反映 " + f.reportsInWindow() + " 次"));
        }
        return out;
    }

    public Optional<Trigger> onReturns(List<String> returningDepartmentNames) {
        if (returningDepartmentNames.size() < returningDepartments) {
            return Optional.empty();
        }
        return Optional.of(new Trigger(Trigger.Kind.BUCK_PASSING, returningDepartmentNames.size() + " 个部门先后退单（"
                + String.join("、", returningDepartmentNames) + "），需协调确定责任单位"));
    }

    public Optional<Trigger> onUnsatisfied(int unsatisfied) {
        return unsatisfied >= unsatisfiedCallbacks
                ? Optional.of(new Trigger(Trigger.Kind.UNSATISFIED, "回访 " + unsatisfied + " 次不满意"))
                : Optional.empty();
    }

    /** {@code redLongEnoughAt} is the moment the red light has lasted the allowed working days. */
    public Optional<Trigger> onRed(String departmentName, Instant redLongEnoughAt, Instant now) {
        return now.isBefore(redLongEnoughAt) ? Optional.empty()
                : Optional.of(new Trigger(Trigger.Kind.LONG_RED, departmentName + " 亮红灯超过 " + redWorkingDays + " 个工作日"));
    }
}
