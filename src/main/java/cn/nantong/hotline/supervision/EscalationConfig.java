package cn.nantong.hotline.supervision;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of the escalation rules (督办触发条件). */
@ConfigMapping(prefix = "hotline.escalation")
public interface EscalationConfig {

    /** Reports of one problem within {@link #repeatWindowDays()} that open a case. */
    @WithDefault("3")
    int repeatReports();

    @WithDefault("30")
    int repeatWindowDays();

    /** Distinct callers within {@link #hotWindowHours()} that make a hot issue. */
    @WithDefault("5")
    int hotCallers();

    @WithDefault("24")
    int hotWindowHours();

    /** Distinct departments that returned one ticket. */
    @WithDefault("2")
    int returningDepartments();

    /** Working days an assignment may stay red before the case opens. */
    @WithDefault("1")
    int redWorkingDays();

    /** Unsatisfied callbacks on one ticket. */
    @WithDefault("2")
    int unsatisfiedCallbacks();
}
