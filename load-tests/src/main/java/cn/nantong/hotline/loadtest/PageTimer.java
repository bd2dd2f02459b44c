package cn.nantong.hotline.loadtest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Server-side render time of every console page and the public pages, as a browser gets them: each role signs in
 * through the real login form, then requests its pages one after another (warm-up first), timing the client-side wall
 * time of the whole response. Every answer must be HTTP 200 and the page itself, not the login page; a page that
 * answers 404 on a correct login is reported as missing (a console not built yet), not as a failure.
 *
 * <p>Usage: {@code java -cp load-tests/target/classes cn.nantong.hotline.loadtest.PageTimer BASE_URL REQUESTS WARMUP
 * DEPARTMENT}. Prints one Markdown table (page, role, rows, p50/p95/p99/max, verdict against {@value #TARGET_MS} ms at
 * p95) and a {@code PAGES ...} line of counts; exits 1 if a page failed or missed the target.
 */
public final class PageTimer {

    static final int TARGET_MS = 100;
    private static final String LOGIN_FORM = "j_security_check";
    private static final String PLACEHOLDER = "正在建设中";
    private static final Pattern TBODY = Pattern.compile("<tbody[^>]*>(.*?)</tbody>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr[\\s>]");
    private static final Pattern ENTRY_ID = Pattern.compile("\"hits\":\\[\\{\"id\":\"([^\"]+)\"");

    private record Page(String user, String role, String path) {
    }

    private record Result(Page page, String verdict, int rows, double[] ms, String note) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: PageTimer BASE_URL REQUESTS WARMUP DEPARTMENT");
            System.exit(2);
        }
        HotlineHttp http = new HotlineHttp(args[0]);
        int requests = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        List<Result> results = new ArrayList<>();
        Map<String, HotlineHttp.Session> sessions = new HashMap<>();
        for (Page p : pages(http, args[3])) {
            HotlineHttp.Session session = p.user == null ? null : sessions.computeIfAbsent(p.user, u -> login(http, u));
            results.add(measure(http, session, p, requests, warmup));
        }
        print(results, requests);
        System.exit(results.stream().allMatch(r -> r.verdict.equals("PASS") || r.verdict.equals("missing")) ? 0 : 1);
    }

    /** Every console page and its tabs/filters, by role, then the public pages (anonymous). */
    private static List<Page> pages(HotlineHttp http, String department) throws Exception {
        String dept = "dept-" + department;
        List<Page> pages = new ArrayList<>(List.of(
                new Page("agent1", "AGENT", "/console/agent"),
                new Page("agent1", "AGENT", "/console/agent/callbacks"),
                new Page(dept, "DEPARTMENT", "/console/department")));
        for (String tab : List.of("pending", "handling", "awaiting-caller", "replied", "returned", "supervised")) {
            pages.add(new Page(dept, "DEPARTMENT", "/console/department?tab=" + tab));
        }
        pages.addAll(List.of(
                new Page(dept, "DEPARTMENT", "/console/department?tab=replied&page=20"),
                new Page("coord1", "COORDINATOR", "/console/coordinator"),
                new Page("coord1", "COORDINATOR", "/console/coordinator?district=" + enc("崇川区")),
                new Page("editor1", "KB_EDITOR", "/console/editor"),
                new Page("admin", "ADMIN", "/console/admin"),
                new Page(null, "public", "/"),
                new Page(null, "public", "/search?q=" + enc("社保卡丢了怎么补办")),
                new Page(null, "public", "/search?q=" + enc("楼上邻居半夜装修太吵了")),
                new Page(null, "public", "/categories/" + enc("社保与社保卡"))));
        HttpResponse<String> hit = http.get(null, "/api/kb/search?limit=1&q=" + enc("社保卡补办"));
        Matcher id = ENTRY_ID.matcher(hit.body());
        if (hit.statusCode() != 200 || !id.find()) {
            throw new IllegalStateException("no 热线百科 entry to open: HTTP " + hit.statusCode() + " " + hit.body());
        }
        pages.add(new Page(null, "public", "/entries/" + enc(id.group(1))));
        return pages;
    }

    private static Result measure(HotlineHttp http, HotlineHttp.Session session, Page page, int requests, int warmup)
            throws Exception {
        HttpResponse<String> first = fetch(http, session, page.path);
        if (first.statusCode() == 404) {
            return new Result(page, "missing", 0, new double[0], "404");
        }
        double[] ms = new double[requests];
        int failed = 0;
        String problem = null;
        for (int i = -warmup; i < requests; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = fetch(http, session, page.path);
            long t1 = System.nanoTime();
            String wrong = r.statusCode() != 200 ? "HTTP " + r.statusCode()
                    : r.body().contains(LOGIN_FORM) ? "login page instead" : null;
            if (wrong != null) {
                failed++;
                problem = wrong;
            }
            if (i >= 0) {
                ms[i] = (t1 - t0) / 1e6;
            }
        }
        Arrays.sort(ms);
        String body = first.body();
        String note = failed > 0 ? failed + " bad answers (" + problem + ")" : body.contains(PLACEHOLDER) ? "placeholder" : "";
        String verdict = failed > 0 || percentile(ms, 95) >= TARGET_MS ? "FAIL" : "PASS";
        return new Result(page, verdict, rows(body), ms, note);
    }

    private static HotlineHttp.Session login(HotlineHttp http, String user) {
        try {
            return http.login(user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> fetch(HotlineHttp http, HotlineHttp.Session s, String path) throws Exception {
        return s == null ? http.get(null, path) : s.get(path);
    }

    /** Table rows of the page's lists (rows in a {@code <tbody>}). */
    private static int rows(String html) {
        int n = 0;
        for (Matcher body = TBODY.matcher(html); body.find(); ) {
            for (Matcher row = ROW.matcher(body.group(1)); row.find(); ) {
                n++;
            }
        }
        return n;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static void print(List<Result> results, int requests) {
        System.out.printf("%d sequential requests per page after warm-up; client-side wall time of the full response%n%n", requests);
        System.out.println("| page | role | rows | p50 ms | p95 ms | p99 ms | max ms | p95 < " + TARGET_MS + " ms | note |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            String path = URLDecoder.decode(r.page.path, StandardCharsets.UTF_8);
            if (r.ms.length == 0) {
                System.out.printf("| `%s` | %s | | | | | | %s | %s |%n", path, r.page.role, r.verdict, r.note);
            } else {
                System.out.printf("| `%s` | %s | %d | %.1f | %.1f | %.1f | %.1f | %s | %s |%n", path, r.page.role, r.rows,
                        percentile(r.ms, 50), percentile(r.ms, 95), percentile(r.ms, 99), r.ms[r.ms.length - 1], r.verdict, r.note);
            }
        }
        System.out.printf("%nPAGES measured=%d pass=%d fail=%d missing=%d%n",
                results.stream().filter(r -> r.ms.length > 0).count(),
                results.stream().filter(r -> r.verdict.equals("PASS")).count(),
                results.stream().filter(r -> r.verdict.equals("FAIL")).count(),
                results.stream().filter(r -> r.verdict.equals("missing")).count());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
