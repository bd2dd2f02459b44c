package cn.nantong.hotline.supervision;

import cn.nantong.hotline.common.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SupervisionCaseTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void aCaseGoesFromOpenThroughNoticeToClosedLeavingATimeline() {
        SupervisionCase c = new SupervisionCase();
        assertEquals(List.of("30 天内同一问题被反映 3 次"),
                c.addTriggers(List.of(new Trigger(Trigger.Kind.REPEATED, "30 天内同一问题被反映 3 次"))));
        assertEquals(List.of(), c.addTriggers(List.of(new Trigger(Trigger.Kind.REPEATED, "30 天内同一问题被反映 3 次"))));
        c.assign("water", List.of("housing-construction"), NOW.plusSeconds(86400 * 5), null, "coord1", NOW);
        assertThrows(ProblemException.class, () -> c.respond("water", "已到场", "dept", NOW), "no notice yet");
        c.issueNotice("请于 3 月 6 日前解决东区供水压力问题", "coord1", NOW);
        c.respond("housing-construction", "已约谈物业", "dept", NOW);
        assertThrows(ProblemException.class, () -> c.respond("gas", "无关", "dept", NOW));
        c.resolve("已恢复供水", "coord1", NOW);
        c.close(null, "coord1", NOW);
        assertEquals(SupervisionCase.Status.CLOSED, c.status);
        assertEquals(List.of("assign", "notice", "response", "resolve", "close"),
                c.pendingEvents.stream().map(e -> e.action).toList());
        assertEquals(List.of(), c.allowedActions());
    }

    @Test
    void aKindAlreadyOnTheCaseTakesTheLatestReasonInsteadOfAddingOne() {
        SupervisionCase c = new SupervisionCase();
        c.addTriggers(List.of(new Trigger(Trigger.Kind.REPEATED, "30 天内同一问题被反映 3 次")));
        for (int n = 4; n <= 1000; n++) {
            assertEquals(List.of(), c.addTriggers(List.of(new Trigger(Trigger.Kind.REPEATED, "30 天内同一问题被反映 " + n + " 次"))));
        }
        assertEquals(List.of("部门答复已办结后，群众再次反映同一问题"), c.addTriggers(List.of(
                new Trigger(Trigger.Kind.REPEATED, "30 天内同一问题被反映 1001 次"),
                new Trigger(Trigger.Kind.LOOP, "部门答复已办结后，群众再次反映同一问题"))));
        assertEquals(List.of("REPEATED", "LOOP"), c.triggers);
        assertEquals(List.of("30 天内同一问题被反映 1001 次", "部门答复已办结后，群众再次反映同一问题"), c.reasons);
    }

    @Test
    void illegalStepsAnswerConflictWithTheAllowedActions() {
        SupervisionCase c = new SupervisionCase();
        ProblemException e = assertThrows(ProblemException.class, () -> c.resolve(null, "coord1", NOW));
        assertEquals(409, e.toProblem("/x").status());
        assertEquals(List.of("assign", "note", "close"), e.toProblem("/x").extensions().get("allowedActions"));
    }

    @Test
    void aDeadlineInThePastOrALeadAmongCoHandlersIsRefused() {
        SupervisionCase c = new SupervisionCase();
        assertThrows(ProblemException.class, () -> c.assign("water", List.of(), NOW.minusSeconds(1), null, "c", NOW));
        assertThrows(ProblemException.class, () -> c.assign("water", List.of("water"), NOW.plusSeconds(99), null, "c", NOW));
    }
}
