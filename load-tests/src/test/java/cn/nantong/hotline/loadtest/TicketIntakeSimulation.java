package cn.nantong.hotline.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Throughput of ticket intake over HTTP: a closed model of exactly {@code bench.users} (32) concurrent agents,
 * each looping {@code POST /api/tickets} back to back (no think time) over its own keep-alive connection, for
 * {@code bench.duration} seconds, authenticated preemptively with HTTP Basic as the demo agent
 * ({@code agent1}/{@code demo12345}). Bodies come from {@link IntakeGenerator}: realistic Chinese content, the
 * seven districts, plausible addresses, mobile numbers with repeat callers, about 12 % INQUIRY. Every request
 * carries its own {@code Idempotency-Key} (run id + sequence number), as a real client would, and must answer
 * 201. Requests are named by ticket type so the report breaks latency down by it.
 *
 * <p>With {@code bench.rate} above 0 the model is open instead: that many new calls arrive each second whatever
 * the answers take, as calls reach a hotline, each a virtual user sending one intake over connections shared by
 * all of them (as behind a gateway). Latency then shows what an agent waits at that arrival rate, with no
 * client-side queueing hiding it.
 *
 * <p>With both {@code bench.users} and {@code bench.rate} above 0 the model is closed but paced: {@code bench.users}
 * agents, each its own connection, together recording {@code bench.rate} calls per second. Each agent starts at a
 * random moment of its first cycle and begins a call every {@code users / rate} seconds on average (uniformly
 * 50-150 % of it, so the agents never fall into step), or at once when the previous answer took longer. This is the
 * load the target names: a rate of intake from a fixed number of clients, so no more than that many calls ever
 * wait at once, and a slow answer delays its own agent's next call rather than piling calls up.
 *
 * <p>With {@code bench.leadIn} above 0 the same load runs that many seconds first, named {@code lead-in}, and only the
 * {@code bench.duration} seconds after it are measured ({@link MeasuredWindow}): the figures then leave out the
 * load generator's own start-up and JIT warm-up, which on 2 cores take CPU from the service.
 *
 * <p>Bounded in time (the loop's duration, plus {@code maxDuration} as a hard stop) and in count (a global
 * request budget, {@code bench.maxRequests}); targets only 127.0.0.1.
 *
 * <p>System properties: bench.baseUrl (http://127.0.0.1:18090), bench.users (32; 0 with a rate: open model), bench.rate
 * (0: closed model without pacing), bench.duration (45, seconds),
 * bench.leadIn (0, seconds), bench.maxRequests (2,000 × (lead-in + duration)), bench.requestName ("intake"; the warm-up uses "warmup"), bench.assert
 * (true: check the target), bench.targetRps (400), bench.targetP99Ms (50), bench.user / bench.password
 * (agent1 / demo12345), bench.seed (run-dependent: the sequence numbers restart with every run), bench.runId
 * (prefix of the idempotency keys; by default the start time in ms), bench.historyPlaces (false; true: bodies from
 * {@link IntakeGenerator#forHistory}, whose places and callers are those of the seeded history of
 * run-history-benchmark.sh).
 */
public class TicketIntakeSimulation extends Simulation {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

    private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:18090");
    private final int users = Integer.getInteger("bench.users", 32);
    private final double rate = Double.parseDouble(System.getProperty("bench.rate", "0"));
    private final Duration duration = Duration.ofSeconds(Integer.getInteger("bench.duration", 45));
    private final Duration leadIn = Duration.ofSeconds(Integer.getInteger("bench.leadIn", 0));
    private final Duration loadTime = leadIn.plus(duration);
    private final long maxRequests = Long.getLong("bench.maxRequests", 2_000L * loadTime.toSeconds());
    private final String requestName = System.getProperty("bench.requestName", "intake");
    private final boolean checkTarget = Boolean.parseBoolean(System.getProperty("bench.assert", "true"));
    private final double targetRps = Double.parseDouble(System.getProperty("bench.targetRps", "400"));
    private final int targetP99Ms = Integer.getInteger("bench.targetP99Ms", 50);
    private final String user = System.getProperty("bench.user", "agent1");
    private final String password = System.getProperty("bench.password", "demo12345");
    private final String runId = System.getProperty("bench.runId", Long.toString(System.currentTimeMillis()));
    private final long seed = Long.getLong("bench.seed", runId.hashCode());

    private final AtomicLong budget = new AtomicLong(maxRequests);
    private final MeasuredWindow window = new MeasuredWindow(leadIn.toSeconds(), duration.toSeconds());
    private final AtomicLong sequence = new AtomicLong();
    private final IntakeGenerator generator = Boolean.getBoolean("bench.historyPlaces")
            ? IntakeGenerator.forHistory(seed) : new IntakeGenerator(seed, 500);

    {
        URI uri = URI.create(baseUrl);
        if (!LOCAL_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("bench.baseUrl must point at 127.0.0.1, got " + baseUrl);
        }

        HttpProtocolBuilder base = http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .contentTypeHeader("application/json; charset=UTF-8")
                .userAgentHeader("hotline-load-test")
                .basicAuth(user, password) // Gatling sends Basic credentials preemptively
                // Gatling's default warm-up call goes to an outside host: never.
                .disableWarmUp()
                .disableCaching();
        HttpProtocolBuilder protocol = rate > 0 && users == 0 ? base.shareConnections() : base;

        // Records are generated on demand from a shared sequence number; the body is a pure function of it.
        Iterator<Map<String, Object>> records = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                long n = sequence.getAndIncrement();
                Map<String, Object> r = generator.record(n);
                boolean measured = window.covers(System.currentTimeMillis());
                return Map.of("body", generator.json(n), "type", r.get("type"), "measured", measured,
                        "name", (measured ? requestName : "lead-in") + " " + r.get("type"),
                        "key", "bench-" + runId + "-" + requestName + "-" + n);
            }
        };

        ChainBuilder intake = feed(records)
                .exec(http("#{name}").post("/api/tickets")
                        .header("Idempotency-Key", "#{key}")
                        .body(StringBody("#{body}"))
                        // The answer time and status are saved before the status is checked, so a failure is
                        // still counted in the measured window.
                        .check(responseTimeInMillis().saveAs("rt"), status().saveAs("status"), status().is(201)))
                .exec(session -> {
                    if (session.getBoolean("measured")) {
                        window.record(session.getString("name"), session.contains("rt") ? session.getLong("rt") : null,
                                session.contains("status") && session.getInt("status") == 201);
                    }
                    return session;
                });

        Duration cycle = rate > 0 ? Duration.ofNanos(Math.round(users * 1e9 / rate)) : Duration.ZERO;
        var setUp = setUp(rate > 0 && users == 0
                ? scenario("ticket intake, " + rate + " arrivals per second")
                        .exec(doIf(session -> budget.getAndDecrement() > 0).then(intake))
                        .injectOpen(constantUsersPerSec(rate).during(loadTime))
                : rate > 0
                ? scenario("ticket intake, " + users + " concurrent users paced to " + rate + " per second")
                        .pause(Duration.ZERO, cycle)
                        .exec(asLongAsDuring(session -> budget.getAndDecrement() > 0, loadTime)
                                .on(pace(cycle.dividedBy(2), cycle.multipliedBy(3).dividedBy(2)).exec(intake)))
                        .injectClosed(constantConcurrentUsers(users).during(loadTime))
                : scenario("ticket intake, " + users + " concurrent users")
                        .exec(asLongAsDuring(session -> budget.getAndDecrement() > 0, loadTime).on(intake))
                        .injectClosed(constantConcurrentUsers(users).during(loadTime)))
                .protocols(protocol)
                .maxDuration(loadTime.plusSeconds(30));
        if (checkTarget && leadIn.isZero()) {
            setUp.assertions(
                    global().failedRequests().percent().is(0.0),
                    global().requestsPerSec().gte(targetRps),
                    global().responseTime().percentile(99.0).lte(targetP99Ms));
        } else if (checkTarget) {
            // Gatling's figures include the lead-in: the script judges the target from the MEASURED lines.
            setUp.assertions(global().failedRequests().percent().is(0.0));
        }
    }

    @Override
    public void before() {
        window.start();
    }

    @Override
    public void after() {
        window.print();
    }
}
