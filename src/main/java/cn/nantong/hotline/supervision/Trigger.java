package cn.nantong.hotline.supervision;

/** Why a matter was escalated to the coordination center: the rule that fired and its reason in words. */
public record Trigger(Kind kind, String reason) {

    /** The escalation rules, each configurable in {@link EscalationConfig}. */
    public enum Kind {
        /** The same problem reported again and again (重复投诉). */
        REPEATED,
        /** Reported again after a department declared it handled: 投诉—反馈—未解决—再投诉. */
        LOOP,
        /** Many different callers in a short time: a hot issue, escalated at once. */
        HOT,
        /** Returned by several departments: buck-passing, or nobody's matter alone. */
        BUCK_PASSING,
        /** Red light for longer than allowed. */
        LONG_RED,
        /** The caller said unsatisfied more than once. */
        UNSATISFIED
    }
}
