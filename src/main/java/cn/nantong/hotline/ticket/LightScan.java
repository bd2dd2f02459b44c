package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.ScheduledRuns;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns the lights (亮灯) of every open assignment and writes the moment one goes red onto the ticket's
 * timeline. Runs exactly once per interval however many instances share the database: an instance runs the
 * scan only if it is the one that moves the job's last-run time forward.
 */
@ApplicationScoped
public class LightScan {

    private static final Logger LOG = Logger.getLogger(LightScan.class);
    static final String JOB = "light-scan";

    private final TicketService tickets;
    private final Clock clock;
    private final Duration interval;
    private final Event<LightsScanned> scanned;

    LightScan(TicketService tickets, Clock clock,
              @ConfigProperty(name = "hotline.lights.scan-interval", defaultValue = "60s") Duration interval,
              Event<LightsScanned> scanned) {
        this.tickets = tickets;
        this.clock = clock;
        this.interval = interval;
        this.scanned = scanned;
    }

    /** Fired inside the scan's transaction, once per interval across all instances, after the lights turned. */
    public record LightsScanned(Instant at) {
    }

    /** What one scan did; {@code ran} is false when another instance already scanned this interval. */
    public record Result(boolean ran, int open, int changed, int newlyRed) {
    }

    @Scheduled(every = "${hotline.lights.scan-interval:60s}", delay = 10, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        Result r = scan(clock.instant());
        if (r.ran() && (r.changed() > 0 || r.newlyRed() > 0)) {
            LOG.infof("Light scan: %d open assignments, %d lights changed, %d newly red", r.open(), r.changed(), r.newlyRed());
        }
    }

    @Transactional
    public Result scan(Instant now) {
        if (!ScheduledRuns.claim(JOB, now, interval)) {
            return new Result(false, 0, 0, 0);
        }
        List<Assignment> open = Assignment.list("select a from Assignment a join fetch a.ticket t "
                + "where a.status in ?1 and a.round = t.round", List.of(AssignmentStatus.DISPATCHED,
                AssignmentStatus.ACCEPTED, AssignmentStatus.AWAITING_CALLER));
        int changed = 0;
        int newlyRed = 0;
        for (Assignment a : open) {
            Light light = tickets.lifecycle().light(a.ticket, a, now);
            if (light != a.light) {
                a.light = light;
                changed++;
            }
            if (light == Light.RED && a.redSince == null) {
                a.redSince = now;
                newlyRed++;
                TicketEvent e = TicketEvent.of(a.ticket, now, "system", "overdue", a.ticket.status, a.department,
                        a.status == AssignmentStatus.DISPATCHED ? "超过签收时限，亮红灯" : "超过办理时限，亮红灯");
                e.ticketId = a.ticket.id;
                e.persist();
            }
        }
        scanned.fire(new LightsScanned(now));
        return new Result(true, open.size(), changed, newlyRed);
    }
}
