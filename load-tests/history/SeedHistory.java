import cn.nantong.hotline.loadtest.IntakeGenerator;
import cn.nantong.hotline.privacy.PhoneCipher;
import cn.nantong.hotline.repeat.Report;
import cn.nantong.hotline.repeat.ReportFeatures;
import cn.nantong.hotline.repeat.StoredFeatures;
import cn.nantong.hotline.ticket.PhoneNumbers;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Seeds N historical tickets into the history benchmark's <em>throw-away</em> embedded database (never a real one):
 * {@code ticket}, {@code repeat_place_key} and {@code routing_example}, as the service itself would have written them
 * over the last DAYS days, streamed with COPY (one connection per table, in parallel, foreign-key triggers off while loading,
 * then checked), then VACUUM ANALYZE as a production database would be.
 *
 * <ul>
 *   <li>Tickets are {@link IntakeGenerator#forHistory} records: the seven districts, Chinese content, 12 % INQUIRY,
 *       addresses from the generated catalogue (1,000 roads and 2,000 estates per district, skewed), 40 % of calls
 *       from a pool of 50,000 repeat callers (the same pool the measured intake uses), the rest new numbers.</li>
 *   <li>Spread evenly over the days before today (Asia/Shanghai), busier in office hours; ids ascend with time.</li>
 *   <li>The caller's number is stored as the service stores it (migration V7): encrypted, keyed hash, masked, with
 *       the keys the benchmark service uses (HOTLINE_PRIVACY_KEY / HOTLINE_PRIVACY_HASH_KEY if set, else the public
 *       development keys of the embedded default), so same-caller look-ups find the history.</li>
 *   <li>Inquiries ANSWERED, the rest CLOSED 1–15 days later by a department chosen from the category. No timeline
 *       rows: nothing reads them for old tickets. No assignment rows either (intake never reads them), unless
 *       {@code --assignments} asks for the LEAD assignment of each closed ticket: REPLIED with RESOLVED, light GREEN,
 *       satisfied at callback, accept and reply deadlines of 2 hours and 7 (建议 14) calendar days, so that
 *       department inboxes, statistics and exports see a history (the console pages benchmark).</li>
 *   <li>{@code id} and the counter in {@code number} (yyyyMMdd-NNNNNNN) start past the service's sequences, which are
 *       then advanced past the history, so the service's own tickets never collide with it.</li>
 *   <li>{@code repeat_place_key} and {@code ticket.repeat_features}: the place keys and the parsed features the service
 *       stores for a non-inquiry ticket, from the service's own parser ({@link ReportFeatures}, about 0.5 ms a ticket,
 *       so tickets are parsed in parallel batches).</li>
 *   <li>{@code routing_example}: a positive example (its handling department) for 68 % of non-inquiry tickets, about
 *       60 % of all tickets; a negative one (a department that returned it) for 4 %.</li>
 * </ul>
 *
 * <p>Usage: {@code java -cp "target/quarkus-app/app/*:target/quarkus-app/lib/main/*:load-tests/target/classes"
 * load-tests/history/SeedHistory.java PG_PORT N [DAYS=730] [--assignments]}. Prints a {@code ROWS ...} line at the end.
 * {@code ... SeedHistory.java stats PG_PORT SINCE_EPOCH_MS} prints what repeat detection had to look at for the
 * tickets received since then (a measured run): how many earlier tickets within 90 days shared a place key or the
 * caller with each, and how many were linked as repeats.
 */
public class SeedHistory {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final long HISTORY_SEED = 20_240_101L;
    /** Tickets generated and parsed together; parsing is spread over the cores. */
    private static final int BATCH = 20_000;
    /** Calls per hour of the day (relative): quiet at night, busiest mid-morning and mid-afternoon. */
    private static final int[] HOUR_WEIGHTS = {1, 1, 1, 1, 1, 2, 4, 8, 12, 12, 11, 10, 9, 10, 11, 11, 10, 9, 8, 7, 6, 4, 3, 2};
    /** Who handles what (a list repeats a department to weight it). */
    private static final Map<String, List<String>> DEPARTMENTS = Map.ofEntries(
            Map.entry("噪声污染", List.of("ecology-environment", "ecology-environment", "public-security", "public-security", "urban-management")),
            Map.entry("油烟污染", List.of("urban-management", "urban-management", "ecology-environment")),
            Map.entry("占道经营", List.of("urban-management")),
            Map.entry("物业管理", List.of("housing-construction")),
            Map.entry("供水", List.of("water")),
            Map.entry("电梯安全", List.of("market-regulation")),
            Map.entry("劳动保障", List.of("human-resources")),
            Map.entry("供电", List.of("power-grid")),
            Map.entry("市容环境", List.of("urban-management", "urban-management", "water")),
            Map.entry("违法建设", List.of("urban-management", "urban-management", "urban-management", "natural-resources")),
            Map.entry("食品安全", List.of("market-regulation")),
            Map.entry("城市建设", List.of("transport", "transport", "housing-construction", "traffic-police")));
    private static final List<String> ALL_DEPARTMENTS = List.of("public-security", "traffic-police", "ecology-environment",
            "housing-construction", "urban-management", "transport", "market-regulation", "human-resources", "health",
            "education", "natural-resources", "water", "power-grid", "gas", "civil-affairs");

    private static final List<String> REPLY_ACTIONS = List.of("经查属实，已责令相关责任方立即整改。",
            "已约谈物业和相关经营者，要求限期整改并建立长效管理。", "已联合属地街道开展联合执法，依法作出处理。",
            "已安排专业人员进行维修处理。", "已对涉事主体立案调查并督促其落实整改措施。");
    private static final List<String> REPLY_RESULTS = List.of("目前问题已解决，已电话告知来电人，来电人表示认可。",
            "经回访复查，现场已恢复正常，后续将加强巡查。", "整改已完成，我单位将持续跟踪，防止问题反弹。");

    private final Instant now = Instant.now();

    public static void main(String[] args) throws Exception {
        boolean assignments = List.of(args).contains("--assignments");
        String[] a = List.of(args).stream().filter(s -> !s.equals("--assignments")).toArray(String[]::new);
        if (a.length >= 3 && a[0].equals("stats")) {
            stats("jdbc:postgresql://127.0.0.1:" + Integer.parseInt(a[1]) + "/postgres", Long.parseLong(a[2]));
            return;
        }
        if (a.length < 2) {
            System.err.println("usage: SeedHistory PG_PORT N [DAYS] [--assignments] | SeedHistory stats PG_PORT SINCE_EPOCH_MS");
            System.exit(2);
        }
        int port = Integer.parseInt(a[0]);
        int n = Integer.parseInt(a[1]);
        int days = a.length > 2 ? Integer.parseInt(a[2]) : 730;
        new SeedHistory().seed("jdbc:postgresql://127.0.0.1:" + port + "/postgres", n, days, assignments);
    }

    void seed(String url, int n, int days, boolean withAssignments) throws Exception {
        long t0 = System.nanoTime();
        try (Connection ct = connect(url); Connection ck = connect(url); Connection ce = connect(url);
             Connection ca = connect(url)) {
            long before = single(ct, "select count(*) from ticket");
            long idBase = Math.max(single(ct, "select coalesce(max(id), 0) from ticket"),
                    single(ct, "select last_value from ticket_id_seq")) + 1000;
            long numberBase = single(ct, "select last_value from ticket_number_seq") + 1000;
            long assignmentBase = Math.max(single(ct, "select coalesce(max(id), 0) from assignment"),
                    single(ct, "select last_value from assignment_id_seq")) + 1000;
            System.out.printf("database: %d tickets before seeding; history ids from %d, number counters from %d%n",
                    before, idBase + 1, numberBase + 1);

            IntakeGenerator gen = IntakeGenerator.forHistory(HISTORY_SEED);
            int[] hours = hourTable();
            LocalDate today = LocalDate.now(CITY);
            PhoneCipher cipher = cipher();
            Copy tickets = new Copy(ct, "ticket (id, version, number, status, type, channel, caller_phone_enc, "
                    + "caller_phone_hash, caller_phone_masked, caller_name, "
                    + "confidential, district, address, content, category, urgent, received_at, recorded_by, round, "
                    + "handled_by, closed_at, problem_kind, repeat_features)");
            Copy keys = new Copy(ck, "repeat_place_key (place_key, received_at, ticket_id)");
            Copy examples = new Copy(ce, "routing_example (ticket_id, department, positive, text, category, at)");
            Copy assignments = withAssignments ? new Copy(ca, "assignment (id, ticket_id, department_code, role, status, "
                    + "round, dispatched_at, accept_due_at, accepted_at, reply_due_at, replied_at, reply_text, outcome, "
                    + "light, callback_satisfaction, callback_resolved)") : null;
            long assignmentRows = 0;
            long keyRows = 0;
            long exampleRows = 0;
            Set<String> distinctKeys = new HashSet<>();
            Set<String> phones = new HashSet<>();
            for (int from = 0; from < n; from += BATCH) {
                int to = Math.min(n, from + BATCH);
                List<Map<String, Object>> records = IntStream.range(from, to).mapToObj(gen::record).toList();
                ReportFeatures[] parsed = new ReportFeatures[to - from];
                int base = from;
                IntStream.range(0, to - from).parallel().forEach(j -> {
                    Map<String, Object> r = records.get(j);
                    if (!"INQUIRY".equals(r.get("type"))) {
                        parsed[j] = ReportFeatures.of(new Report(idBase + base + j + 1, now, "", (String) r.get("type"),
                                (String) r.get("district"), (String) r.get("address"), (String) r.get("content")));
                    }
                });
                for (int i = from; i < to; i++) {
                    Map<String, Object> r = records.get(i - from);
                    ReportFeatures features = parsed[i - from];
                    Random x = new Random(HISTORY_SEED * 31 + i);
                    long id = idBase + i + 1;
                    LocalDate day = today.minusDays(days - (long) i * days / n);
                    Instant at = day.atTime(hours[x.nextInt(hours.length)], x.nextInt(60), x.nextInt(60)).atZone(CITY).toInstant()
                            .plusMillis(x.nextInt(1000));
                    String type = (String) r.get("type");
                    String category = (String) r.get("category");
                    boolean inquiry = features == null;
                    String department = inquiry ? null : pick(DEPARTMENTS.get(category), x);
                    Instant closed = inquiry ? null : min(at.plusSeconds(86_400L + x.nextInt(14 * 86_400)), now.minusSeconds(60));
                    String phone = PhoneNumbers.normalise((String) r.get("callerPhone")).orElseThrow();
                    phones.add(phone);
                    String content = (String) r.get("content");
                    tickets.row(id, 0, DAY.format(at.atZone(CITY)) + "-" + String.format("%07d", numberBase + i + 1),
                            inquiry ? "ANSWERED" : "CLOSED", type, r.get("channel"), cipher.encrypt(phone), cipher.hash(phone),
                            PhoneNumbers.mask(phone), r.get("callerName"),
                            Boolean.TRUE.equals(r.get("confidential")), r.get("district"), r.get("address"), content, category,
                            Boolean.TRUE.equals(r.get("urgent")), at, "agent" + (1 + x.nextInt(30)), 1, department, closed,
                            inquiry ? null : features.problemKinds().stream().sorted().findFirst().orElse(null),
                            inquiry ? null : StoredFeatures.encode(features));
                    Set<String> placeKeys = inquiry ? Set.of() : features.placeKeys();
                    for (String k : placeKeys) {
                        keys.row(k, at, id);
                        distinctKeys.add(k);
                    }
                    keyRows += placeKeys.size();
                    if (!inquiry && x.nextInt(100) < 68) {
                        examples.row(id, department, true, content, category, closed);
                        exampleRows++;
                    }
                    if (!inquiry && x.nextInt(100) < 4) {
                        String wrong = pick(ALL_DEPARTMENTS, x);
                        if (!wrong.equals(department)) {
                            examples.row(id, wrong, false, content, category, at.plusSeconds(3600L + x.nextInt(86_400)));
                            exampleRows++;
                        }
                    }
                    if (assignments != null && !inquiry) {
                        assignmentRows++;
                        Instant dispatched = at.plusSeconds(120 + x.nextInt(3600));
                        Instant accepted = dispatched.plusSeconds(300 + x.nextInt(5400));
                        // Today's tickets are closed a minute ago at the latest, possibly before "accepted".
                        Duration handling = Duration.between(accepted, closed).isNegative() ? Duration.ZERO : Duration.between(accepted, closed);
                        Instant replied = accepted.plus(handling.multipliedBy(4 + x.nextInt(5)).dividedBy(10));
                        assignments.row(assignmentBase + assignmentRows, id, department, "LEAD", "REPLIED", 1, dispatched,
                                dispatched.plusSeconds(7200), accepted,
                                dispatched.plus(Duration.ofDays("SUGGESTION".equals(type) ? 14 : 7)), replied,
                                replyText((String) r.get("address"), category, x), "RESOLVED", "GREEN", "SATISFIED", true);
                    }
                }
                if (to / 200_000 > from / 200_000) {
                    System.out.printf("  %,d tickets streamed (%.0f s)%n", to, (System.nanoTime() - t0) / 1e9);
                }
            }
            tickets.finish();
            keys.finish();
            examples.finish();
            if (assignments != null) {
                assignments.finish();
            }
            double copySeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("COPY done in %.1f s: %,d tickets, %,d place keys (%,d distinct, %.2f per ticket), "
                            + "%,d routing examples, %,d distinct caller numbers%n",
                    copySeconds, n, keyRows, distinctKeys.size(), keyRows / (double) n, exampleRows, phones.size());
            if (assignments != null) {
                System.out.printf("assignments: %,d LEAD rows (REPLIED, RESOLVED), ids from %d%n", assignmentRows, assignmentBase + 1);
            }

            try (Statement s = ct.createStatement()) {
                s.execute("select setval('ticket_id_seq', " + (idBase + n + 1000) + ")");
                s.execute("select setval('ticket_number_seq', " + (numberBase + n + 1000) + ")");
                s.execute("select setval('assignment_id_seq', " + (assignmentBase + assignmentRows + 1000) + ")");
            }
            long t1 = System.nanoTime();
            try (Statement s = ct.createStatement()) {
                ct.setAutoCommit(true);
                s.execute("vacuum (analyze) ticket");
                s.execute("vacuum (analyze) repeat_place_key");
                s.execute("vacuum (analyze) routing_example");
                s.execute("vacuum (analyze) assignment");
            }
            double vacuumSeconds = (System.nanoTime() - t1) / 1e9;
            long broken = single(ct, """
                    select (select count(*) from repeat_place_key k where not exists (select 1 from ticket t where t.id = k.ticket_id))
                         + (select count(*) from routing_example e where not exists (select 1 from ticket t where t.id = e.ticket_id))
                         + (select count(*) from routing_example e where not exists (select 1 from department d where d.code = e.department))
                         + (select count(*) from assignment a where not exists (select 1 from ticket t where t.id = a.ticket_id))
                         + (select count(*) from ticket t where t.handled_by is not null
                              and not exists (select 1 from department d where d.code = t.handled_by))
                         + (select count(*) from ticket t where not exists (select 1 from district d where d.name = t.district))""");
            if (broken != 0) {
                throw new IllegalStateException(broken + " seeded rows break a foreign key");
            }
            System.out.printf("VACUUM ANALYZE %.1f s; foreign keys checked: all rows valid; sequences advanced past the history%n",
                    vacuumSeconds);
            System.out.printf("ROWS ticket=%d repeat_place_key=%d routing_example=%d seed_s=%.1f assignment=%d%n",
                    single(ct, "select count(*) from ticket"), single(ct, "select count(*) from repeat_place_key"),
                    single(ct, "select count(*) from routing_example"), (System.nanoTime() - t0) / 1e9,
                    single(ct, "select count(*) from assignment"));
        }
    }

    /** Candidate counts of the tickets received since {@code sinceMs} (at most 1,500 of them, the first ones). */
    static void stats(String url, long sinceMs) throws SQLException {
        List<Integer> byPlace = new ArrayList<>();
        List<Integer> byCaller = new ArrayList<>();
        long repeats = 0;
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select (select count(distinct k2.ticket_id) from repeat_place_key k1
                               join repeat_place_key k2 on k2.place_key = k1.place_key
                                and k2.received_at >= t.received_at - interval '90 days' and k2.received_at < t.received_at
                             where k1.ticket_id = t.id),
                            (select count(*) from ticket o where o.caller_phone_hash = t.caller_phone_hash and o.type <> 'INQUIRY'
                                and o.received_at >= t.received_at - interval '90 days' and o.received_at < t.received_at),
                            t.repeat_of is not null
                     from ticket t
                     where t.received_at >= to_timestamp(%d / 1000.0) and t.type <> 'INQUIRY'
                     order by t.id limit 1500""".formatted(sinceMs))) {
            while (rs.next()) {
                byPlace.add(rs.getInt(1));
                byCaller.add(rs.getInt(2));
                repeats += rs.getBoolean(3) ? 1 : 0;
            }
        }
        if (byPlace.isEmpty()) {
            System.out.println("no tickets received in the run");
            return;
        }
        System.out.printf("repeat look-ups of %d measured non-inquiry intakes: earlier tickets (90 days) sharing a place key "
                        + "%s (%.0f%% over the service's cap of 200 candidates); sharing the caller %s; linked as a repeat: %.0f%%%n",
                byPlace.size(), spread(byPlace), 100.0 * byPlace.stream().filter(v -> v > 200).count() / byPlace.size(),
                spread(byCaller), 100.0 * repeats / byPlace.size());
    }

    private static String spread(List<Integer> values) {
        List<Integer> v = values.stream().sorted().toList();
        return String.format("mean %.1f, p50 %d, p90 %d, max %d", v.stream().mapToInt(Integer::intValue).average().orElse(0),
                v.get(v.size() / 2), v.get(v.size() * 9 / 10), v.get(v.size() - 1));
    }

    /** The cipher of the benchmark service: its configured keys if the environment sets them, else the dev keys. */
    private static PhoneCipher cipher() throws IOException {
        Properties p = new Properties();
        try (InputStream in = SeedHistory.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("application.properties of the service is not on the class path");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String key = System.getenv().getOrDefault("HOTLINE_PRIVACY_KEY", p.getProperty("hotline.privacy.dev-key"));
        String hashKey = System.getenv().getOrDefault("HOTLINE_PRIVACY_HASH_KEY", p.getProperty("hotline.privacy.dev-hash-key"));
        return new PhoneCipher(Base64.getDecoder().decode(key.strip()), Base64.getDecoder().decode(hashKey.strip()));
    }

    /** A department's reply as callers get it: the place, what was done, and the result. */
    private static String replyText(String address, String category, Random x) {
        return "关于您反映的" + address + category + "问题，我单位已于接单当日安排人员到现场核查。"
                + pick(REPLY_ACTIONS, x) + pick(REPLY_RESULTS, x) + "感谢您对我们工作的监督。";
    }

    private static int[] hourTable() {
        List<Integer> hours = new ArrayList<>();
        for (int h = 0; h < 24; h++) {
            for (int w = 0; w < HOUR_WEIGHTS[h]; w++) {
                hours.add(h);
            }
        }
        return hours.stream().mapToInt(Integer::intValue).toArray();
    }

    private static <T> T pick(List<T> list, Random x) {
        return list.get(x.nextInt(list.size()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Connection connect(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url, "postgres", "postgres");
        try (Statement s = c.createStatement()) {
            // Bulk load: no foreign-key triggers (checked afterwards in one pass), no waiting for the WAL flush.
            s.execute("set session_replication_role = replica");
            s.execute("set synchronous_commit = off");
            s.execute("set maintenance_work_mem = '256MB'");
        }
        c.setAutoCommit(false);
        return c;
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One COPY ... FROM STDIN (text format) on its own connection, committed by {@link #finish()}. */
    static final class Copy {
        private final Connection connection;
        private final OutputStream out;
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        Copy(Connection c, String table) throws SQLException {
            this.connection = c;
            this.out = new PGCopyOutputStream(c.unwrap(PGConnection.class), "copy " + table + " from stdin", 1 << 20);
        }

        void row(Object... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append('\t');
                }
                Object v = values[i];
                if (v == null) {
                    buffer.append("\\N");
                } else if (v instanceof String s) {
                    escape(s);
                } else {
                    buffer.append(v); // numbers, booleans, Instant (ISO-8601 with Z)
                }
            }
            buffer.append('\n');
            if (buffer.length() > 1 << 19) {
                flush();
            }
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> buffer.append("\\\\");
                    case '\t' -> buffer.append("\\t");
                    case '\n' -> buffer.append("\\n");
                    case '\r' -> buffer.append("\\r");
                    default -> buffer.append(c);
                }
            }
        }

        private void flush() throws IOException {
            out.write(buffer.toString().getBytes(StandardCharsets.UTF_8));
            buffer.setLength(0);
        }

        void finish() throws IOException, SQLException {
            flush();
            out.close();
            connection.commit();
        }
    }
}
