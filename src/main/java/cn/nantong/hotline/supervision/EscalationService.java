package cn.nantong.hotline.supervision;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.repeat.RepeatClusters;
import cn.nantong.hotline.ticket.Assignment;
import cn.nantong.hotline.ticket.AssignmentStatus;
import cn.nantong.hotline.ticket.Light;
import cn.nantong.hotline.ticket.LightScan;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketActed;
import cn.nantong.hotline.ticket.TicketRecorded;
import cn.nantong.hotline.ticket.TimeLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Duration;
import java.util.List;

/**
 * Watches intake, actions and the light scan, and hands whatever fires an escalation rule to the
 * coordination center as a supervision case. Runs inside the transaction that caused it.
 */
@ApplicationScoped
public class EscalationService {

    private final EscalationRules rules;
    private final SupervisionService cases;
    private final RepeatClusters clusters;
    private final TimeLimits limits;
    private final Directory directory;

    EscalationService(EscalationConfig config, SupervisionService cases, RepeatClusters clusters, TimeLimits limits,
                      Directory directory) {
        this.rules = EscalationRules.of(config);
        this.cases = cases;
        this.clusters = clusters;
        this.limits = limits;
        this.directory = directory;
    }

    /** A new report of a known problem: repeated, looping, or hot. Judged at the report's own time (imports too). */
    void onRecorded(@Observes @Priority(TicketRecorded.ESCALATION) TicketRecorded e) {
        Ticket t = e.ticket();
        if (t.clusterId == null) {
            return;
        }
        RepeatClusters.Activity a = clusters.around(t.clusterId, t.receivedAt,
                Duration.ofDays(rules.repeatWindowDays()), Duration.ofHours(rules.hotWindowHours()),
                SupervisionService.problemLock(t));
        cases.escalateNewReport(t, rules.onReport(new EscalationRules.ClusterFacts(a.reports(), a.callers(),
                a.reportedAfterHandled())), t.receivedAt);
    }

    void onActed(@Observes TicketActed e) {
        Ticket t = e.ticket();
        switch (e.action()) {
            case "return" -> {
                List<String> returned = t.assignments.stream()
                        .filter(a -> a.status == AssignmentStatus.RETURNED && a.returnReason != null)
                        .map(a -> a.department).distinct().map(directory::name).toList();
                rules.onReturns(returned).ifPresent(trigger -> cases.escalate(t, List.of(trigger), e.at()));
            }
            case "callback" -> rules.onUnsatisfied(t.unsatisfiedCallbacks)
                    .ifPresent(trigger -> cases.escalate(t, List.of(trigger), e.at()));
            default -> {
            }
        }
    }

    /** After each light scan (once per interval across instances): red too long. */
    void onScanned(@Observes LightScan.LightsScanned scan) {
        List<Assignment> red = Assignment.list("select a from Assignment a join fetch a.ticket t "
                + "where a.status in ?1 and a.round = t.round and a.light = ?2 and a.redSince is not null",
                List.of(AssignmentStatus.DISPATCHED, AssignmentStatus.ACCEPTED), Light.RED);
        for (Assignment a : red) {
            rules.onRed(directory.name(a.department), limits.extend(a.redSince, rules.redWorkingDays()), scan.at())
                    .ifPresent(trigger -> cases.escalate(a.ticket, List.of(trigger), scan.at()));
        }
    }
}
