package cn.nantong.hotline.supervision;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EscalationRulesTest {

    private final EscalationRules rules = new EscalationRules(3, 30, 5, 24, 2, 1, 2);

    private static List<Trigger.Kind> kinds(List<Trigger> t) {
        return t.stream().map(Trigger::kind).toList();
    }

    @Test
    void aThirdReportWithinTheWindowIsRepeated() {
        assertEquals(List.of(), rules.onReport(new EscalationRules.ClusterFacts(2, 2, false)));
        assertEquals(List.of(Trigger.Kind.REPEATED), kinds(rules.onReport(new EscalationRules.ClusterFacts(3, 1, false))));
    }

    @Test
    void aReportAfterTheProblemWasDeclaredHandledIsTheLoopEvenTheSecondTime() {
        assertEquals(List.of(Trigger.Kind.LOOP), kinds(rules.onReport(new EscalationRules.ClusterFacts(2, 1, true))));
    }

    @Test
    void fiveCallersInADayIsAHotIssueWithTheOtherRules() {
        List<Trigger> fired = rules.onReport(new EscalationRules.ClusterFacts(5, 5, false));
        assertEquals(List.of(Trigger.Kind.HOT, Trigger.Kind.REPEATED), kinds(fired));
        assertTrue(fired.get(0).reason().contains("5 位不同来电人"));
        assertEquals(List.of(Trigger.Kind.REPEATED), kinds(rules.onReport(new EscalationRules.ClusterFacts(5, 4, false))));
    }

    @Test
    void twoReturningDepartmentsAreBuckPassing() {
        assertTrue(rules.onReturns(List.of("市城市管理局")).isEmpty());
        Trigger t = rules.onReturns(List.of("市城市管理局", "市住房和城乡建设局")).orElseThrow();
        assertEquals(Trigger.Kind.BUCK_PASSING, t.kind());
        assertTrue(t.reason().contains("市城市管理局、市住房和城乡建设局"));
    }

    @Test
    void secondUnsatisfiedCallbackEscalates() {
        assertTrue(rules.onUnsatisfied(1).isEmpty());
        assertEquals(Trigger.Kind.UNSATISFIED, rules.onUnsatisfied(2).orElseThrow().kind());
    }

    @Test
    void redEscalatesOnlyOnceItLastedTheAllowedWorkingTime() {
        Instant limit = Instant.parse("2026-03-03T01:00:00Z");
        assertTrue(rules.onRed("市水务局", limit, limit.minusSeconds(1)).isEmpty());
        assertEquals(Trigger.Kind.LONG_RED, rules.onRed("市水务局", limit, limit).orElseThrow().kind());
    }
}
