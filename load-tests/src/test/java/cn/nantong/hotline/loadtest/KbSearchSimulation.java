package cn.nantong.hotline.loadtest;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Throughput of the 热线百科 search over HTTP: a closed model of exactly {@code bench.users} (16) concurrent
 * users, each looping {@code GET /api/kb/search?q=…&limit=10} back to back (no think time) over its own
 * keep-alive connection, for {@code bench.duration} seconds. Queries come from the generated queries file in
 * a fixed shuffled order, shared round-robin by all users. Requests are named by query length (short ≤ 12
 * characters, medium 13–40, long &gt; 40) so the report breaks latency down by it; the global figures cover all.
 *
 * <p>Bounded in time (the loop's duration, plus {@code maxDuration} as a hard stop) and in count (a global
 * request budget, {@code bench.maxRequests}); targets only 127.0.0.1.
 *
 * <p>System properties: bench.baseUrl (http://127.0.0.1:18080), bench.queries (target/queries.txt),
 * bench.users (16), bench.duration (60, seconds), bench.limit (10), bench.maxRequests (5,000 × duration),
 * bench.requestName ("search"; the warm-up uses "warmup"), bench.assert (true: check the target).
 */
public class KbSearchSimulation extends Simulation {

    private static final Set<String> LOCAL_HOSTS = Set.of("127.0.0.1", "localhost");

    private final String baseUrl = System.getProperty("bench.baseUrl", "http://127.0.0.1:18080");
    private final Path queriesFile = Path.of(System.getProperty("bench.queries", "target/queries.txt"));
    private final int users = Integer.getInteger("bench.users", 16);
    private final Duration duration = Duration.ofSeconds(Integer.getInteger("bench.duration", 60));
    private final int limit = Integer.getInteger("bench.limit", 10);
    private final long maxRequests = Long.getLong("bench.maxRequests", 5_000L * duration.toSeconds());
    private final String requestName = System.getProperty("bench.requestName", "search");
    private final boolean checkTarget = Boolean.parseBoolean(System.getProperty("bench.assert", "true"));
    private final double targetRps = Double.parseDouble(System.getProperty("bench.targetRps", "1000"));
    private final int targetP99Ms = Integer.getInteger("bench.targetP99Ms", 20);

    private final AtomicLong budget = new AtomicLong(maxRequests);

    {
        URI uri = URI.create(baseUrl);
        if (!LOCAL_HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("bench.baseUrl must point at 127.0.0.1, got " + baseUrl);
        }

        HttpProtocolBuilder protocol = http.baseUrl(baseUrl)
                .acceptHeader("application/json")
                .userAgentHeader("hotline-load-test")
                // Gatling's default warm-up call goes to an outside host: never.
                .disableWarmUp()
                .disableCaching();

        ChainBuilder search = feed(queries())
                .exec(http(requestName + " #{kind}").get("/api/kb/search")
                        .queryParam("q", "#{q}")
                        .queryParam("limit", limit)
                        .check(status().is(200)));

        ScenarioBuilder scn = scenario("kb search, " + users + " concurrent users")
                .exec(asLongAsDuring(session -> budget.getAndDecrement() > 0, duration).on(search));

        var setUp = setUp(scn.injectClosed(constantConcurrentUsers(users).during(duration)))
                .protocols(protocol)
                .maxDuration(duration.plusSeconds(30));
        if (checkTarget) {
            setUp.assertions(
                    global().failedRequests().percent().is(0.0),
                    global().requestsPerSec().gte(targetRps),
                    global().responseTime().percentile(99.0).lte(targetP99Ms));
        }
    }

    private FeederBuilder<Object> queries() {
        List<String> lines;
        try {
            lines = Files.readAllLines(queriesFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read queries file " + queriesFile.toAbsolutePath(), e);
        }
        List<Map<String, Object>> records = new ArrayList<>();
        for (String line : lines) {
            if (!line.isBlank()) {
                String q = line.strip();
                records.add(Map.of("q", q, "kind", kind(q)));
            }
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("no queries in " + queriesFile);
        }
        Collections.shuffle(records, new Random(42));
        return listFeeder(records).circular();
    }

    /** Query length class, so the report shows what short keyword searches and long told stories each cost. */
    static String kind(String q) {
        int n = q.codePointCount(0, q.length());
        return n <= 12 ? "short(<=12)" : n <= 40 ? "medium(13-40)" : "long(>40)";
    }
}
