package cn.nantong.hotline.loadtest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates live work through the real API, so that every inbox tab and the coordinator's lists have rows: N complaints
 * (and the other non-inquiry types) recorded by {@code agent1}, each dispatched to the department the service
 * suggests, then taken on by that department's demo account {@code dept-<code>}. Of every 20 tickets: 6 stay 待签收,
 * 3 are accepted, 2 accepted with an extension request, 1 waits for the caller, 5 are replied and 3 returned.
 *
 * <p>Usage: {@code java -cp load-tests/target/classes cn.nantong.hotline.loadtest.OpenWork BASE_URL N [THREADS=4]}.
 * Bodies come from {@link IntakeGenerator#forHistory} with a seed of their own: the history's roads, estates and
 * repeat callers, so repeat detection links some of them as it would in production. Prints an {@code OPEN ...} line
 * of counts; exits 1 if any call failed.
 */
public final class OpenWork {

    private static final long SEED = 20_261_126L;
    private static final Pattern ID = Pattern.compile("^\\{\"id\":(\\d+)");
    private static final Pattern SUGGESTED = Pattern.compile("\"suggestedDepartments\":\\[\\{\"code\":\"([a-z-]+)\"");
    private static final Pattern CODE = Pattern.compile("\"code\":\"([a-z-]+)\"");
    private static final String[] FATES = {"pending", "pending", "pending", "pending", "pending", "pending",
            "accepted", "accepted", "accepted", "extension", "extension", "awaiting-caller",
            "replied", "replied", "replied", "replied", "replied", "returned", "returned", "returned"};

    private final HotlineHttp http;
    private final List<String> departments;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final AtomicInteger failures = new AtomicInteger();

    private OpenWork(HotlineHttp http, List<String> departments) {
        this.http = http;
        this.departments = departments;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: OpenWork BASE_URL N [THREADS]");
            System.exit(2);
        }
        HotlineHttp http = new HotlineHttp(args[0]);
        int n = Integer.parseInt(args[1]);
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        HttpResponse<String> d = http.get("agent1", "/api/departments");
        if (d.statusCode() != 200) {
            throw new IllegalStateException("GET /api/departments: HTTP " + d.statusCode());
        }
        List<String> departments = new ArrayList<>();
        for (Matcher m = CODE.matcher(d.body()); m.find(); ) {
            departments.add(m.group(1));
        }
        System.exit(new OpenWork(http, departments).run(n, threads) ? 0 : 1);
    }

    private boolean run(int n, int threads) throws Exception {
        long t0 = System.nanoTime();
        IntakeGenerator gen = IntakeGenerator.forHistory(SEED);
        List<String> bodies = new ArrayList<>(n);
        for (long i = 0; bodies.size() < n; i++) {
            if (!"INQUIRY".equals(gen.record(i).get("type"))) {
                bodies.add(gen.json(i));
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            done.add(pool.submit(() -> {
                ticket(k, bodies.get(k));
                return null;
            }));
        }
        for (int i = 0; i < done.size(); i++) {
            done.get(i).get();
            if ((i + 1) % 500 == 0) {
                System.out.printf("  %,d of %,d tickets (%.0f s)%n", i + 1, n, (System.nanoTime() - t0) / 1e9);
            }
        }
        pool.shutdown();
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        StringBuilder line = new StringBuilder("OPEN");
        sorted.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        System.out.printf("%s failed=%d seconds=%.1f%n", line, failures.get(), (System.nanoTime() - t0) / 1e9);
        return failures.get() == 0;
    }

    private void ticket(int i, String body) throws Exception {
        HttpResponse<String> r = call("intake", "agent1", "/api/tickets", body);
        if (r == null) {
            return;
        }
        Matcher id = ID.matcher(r.body());
        if (!id.find()) {
            fail("intake", r);
            return;
        }
        String path = "/api/tickets/" + id.group(1) + "/";
        Matcher s = SUGGESTED.matcher(r.body());
        String lead = s.find() ? s.group(1) : departments.get(i % departments.size());
        if (call("dispatched", "agent1", path + "dispatch", "{\"lead\":\"" + lead + "\"}") == null) {
            return;
        }
        String dept = "dept-" + lead;
        String fate = FATES[i % FATES.length];
        boolean ok = switch (fate) {
            case "pending" -> true;
            case "returned" -> call(null, dept, path + "return", "{\"reason\":\"经核实，该事项不属于本单位职责范围，请重新派单。\"}") != null;
            default -> call(null, dept, path + "accept", null) != null && switch (fate) {
                case "extension" -> call(null, dept, path + "extension",
                        "{\"workingDays\":5,\"reason\":\"需协调多个部门联合处置，申请延期。\"}") != null;
                case "awaiting-caller" -> call(null, dept, path + "await-caller",
                        "{\"reason\":\"请来电人补充具体门牌号和问题发生时段。\"}") != null;
                case "replied" -> call(null, dept, path + "reply", "{\"text\":\"已于" + (1 + i % 28)
                        + "日安排人员到现场核查，责成相关责任方整改（工单" + id.group(1) + "），现已处理完毕。\",\"outcome\":\"RESOLVED\"}") != null;
                default -> true;
            };
        };
        if (ok) {
            counts.computeIfAbsent(fate, k -> new LongAdder()).increment();
        }
    }

    /** The call's answer if it succeeded (2xx), counted under {@code counted} if given; null after a failure. */
    private HttpResponse<String> call(String counted, String user, String path, String json) throws Exception {
        HttpResponse<String> r = http.post(user, path, json);
        if (r.statusCode() / 100 != 2) {
            fail(path.replaceAll("\\d+", "{id}"), r);
            return null;
        }
        if (counted != null) {
            counts.computeIfAbsent(counted, k -> new LongAdder()).increment();
        }
        return r;
    }

    private void fail(String what, HttpResponse<String> r) {
        if (failures.incrementAndGet() <= 10) {
            System.out.printf("  FAILED %s: HTTP %d %s%n", what, r.statusCode(),
                    r.body().substring(0, Math.min(300, r.body().length())));
        }
    }
}
