package cn.nantong.hotline.bench;

import cn.nantong.hotline.dispatch.DepartmentSuggester;
import cn.nantong.hotline.dispatch.Suggestion;
import cn.nantong.hotline.kb.KbDocument;
import cn.nantong.hotline.kb.KbFileParser;
import cn.nantong.hotline.kb.KbFolderScanner;
import cn.nantong.hotline.kb.MarkdownText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Routing quality of {@link DepartmentSuggester} on a labelled complaints file (first 60 % learned as history, the
 * rest suggested), with KB+rules alone and history alone beside it, then suggest latency with 100,000 learned tickets.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.nantong.hotline.bench.RoutingQualityBench -Dexec.args="COMPLAINTS_JSONL KB_DIR [--misses]"}
 */
public final class RoutingQualityBench {

    record Complaint(long seq, String content, String dept) {
    }

    record Result(double top1, double top3, double meanMicros) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: RoutingQualityBench COMPLAINTS_JSONL KB_DIR [--misses]");
            System.exit(2);
        }
        List<Complaint> all = readComplaints(Path.of(args[0]));
        List<KbDocument> kb = new KbFolderScanner(new KbFileParser(code -> true)).scan(Path.of(args[1])).loaded()
                .stream().map(KbFolderScanner.LoadedFile::doc).toList();
        boolean showMisses = args.length > 2 && args[2].equals("--misses");
        int split = (int) Math.round(all.size() * 0.6);
        List<Complaint> history = all.subList(0, split);
        List<Complaint> test = all.subList(split, all.size());
        System.out.printf("records: %d history, %d test; KB entries: %d%n", history.size(), test.size(), kb.size());

        report("KB + rules + history", run(kb, true, history, test, showMisses));
        report("KB + rules only", run(kb, true, List.of(), test, false));
        report("history only", run(List.of(), false, history, test, false));
        // A second, larger sample of what KB and rules cover alone: the first 60 % asked instead of learned.
        report("KB + rules on first 60 %", run(kb, true, List.of(), history, false));
        Path tmp = Files.createTempDirectory("routing-bench");
        try {
            scaleCheck("MMapDirectory (production)", kind -> new MMapDirectory(Files.createDirectory(tmp.resolve(kind))),
                    100_000);
        } finally {
            IOUtils.rm(tmp);
        }
        scaleCheck("ByteBuffersDirectory (tests)", DepartmentSuggester.inMemory(), 100_000);
    }

    private static Result run(List<KbDocument> kb, boolean rules, List<Complaint> history, List<Complaint> test,
                              boolean showMisses) throws IOException {
        try (DepartmentSuggester s = new DepartmentSuggester(DepartmentSuggester.inMemory())) {
            kb.forEach(d -> s.learnKbEntry(d.id(), d.title(), kbText(d), d.department()));
            if (rules) {
                s.replaceRules(DepartmentSuggester.defaultRules());
            }
            history.forEach(c -> s.learnHandled(c.seq(), c.content(), null, c.dept()));
            int top1 = 0;
            int top3 = 0;
            for (Complaint c : test) {
                List<String> codes = s.suggest(c.content(), null, 3).stream().map(Suggestion::code).toList();
                top1 += !codes.isEmpty() && codes.get(0).equals(c.dept()) ? 1 : 0;
                top3 += codes.contains(c.dept()) ? 1 : 0;
                if (showMisses && (codes.isEmpty() || !codes.get(0).equals(c.dept()))) {
                    System.out.printf("  miss #%d want %s got %s: %s%n", c.seq(), c.dept(),
                            s.suggest(c.content(), null, 3), c.content());
                }
            }
            int rounds = 20;
            for (int r = 0; r < rounds; r++) {
                test.forEach(c -> s.suggest(c.content(), null, 3)); // warm-up, so the first setup is not charged the JIT
            }
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                test.forEach(c -> s.suggest(c.content(), null, 3));
            }
            double micros = (System.nanoTime() - start) / 1000.0 / (rounds * test.size());
            return new Result((double) top1 / test.size(), (double) top3 / test.size(), micros);
        }
    }

    private static void report(String name, Result r) {
        System.out.printf("%-24s  top-1 %.3f  top-3 %.3f  mean %.0f µs/suggest%n", name, r.top1(), r.top3(), r.meanMicros());
    }

    private static String kbText(KbDocument d) {
        return d.title() + "\n" + String.join(" ", d.keywords()) + "\n" + MarkdownText.toPlainText(d.body());
    }

    /** Latency with a large history of generated tickets: invented matters, places and filler, not real records. */
    private static void scaleCheck(String name, DepartmentSuggester.Storage dir, int tickets) throws IOException {
        String[][] matters = {
                {"public-security", "晚上有人跳广场舞音响很吵", "小区电动车电瓶被偷", "邻居家的狗不拴绳吓到小孩"},
                {"traffic-police", "路口车辆乱停堵住消防通道", "驾驶证到期换证要什么材料", "有人半夜飙车炸街"},
                {"ecology-environment", "工厂晚上偷排废气味道刺鼻", "养殖场粪水流进河沟", "厂里机器噪音通宵不停"},
                {"housing-construction", "物业不维修楼道漏水", "维修资金使用业主不同意", "开发商延期交房"},
                {"urban-management", "饭店油烟直排到居民窗户", "工地夜间施工噪音扰民", "路边摆摊占道经营"},
                {"transport", "公交车班次太少等很久", "出租车拒载还绕路", "县道路面坑洼没人修"},
                {"market-regulation", "电梯经常困人维保不及时", "超市卖过期食品", "健身房预付卡老板跑路"},
                {"human-resources", "公司拖欠工资三个月", "单位不给缴社保", "失业金怎么申请"},
                {"medical-security", "异地就医备案怎么办理", "医保报销比例太低", "药店刷医保卡买日用品"},
                {"health", "医院急诊排队太久", "社区疫苗没货打不上", "小诊所无证行医"},
                {"education", "幼儿园退费不退", "小学入学对口学校", "学校食堂饭菜太差"},
                {"natural-resources", "不动产登记办不下来", "农田上违法建厂房", "宅基地翻建手续"},
                {"water", "小区突然停水没通知", "自来水发黄有异味", "下雨路口积水排不走"},
                {"power-grid", "经常停电变压器老化", "电费突然变高电表有问题", "充电桩安装申请"},
                {"gas", "燃气表走得快", "燃气开通要排队", "闻到燃气泄漏味道"},
                {"housing-fund", "公积金提取审核不通过", "公积金贷款额度", "单位不缴公积金"},
                {"civil-affairs", "高龄补贴停发", "养老院护理不到位", "低保申请被拒"},
                {"taxation", "饭店拒开发票", "个税汇算要补税", "车船税在哪里交"}};
        String[] districts = {"崇川区", "通州区", "海门区", "海安市", "如皋市", "如东县", "启东市"};
        String[] fillers = {"已经好几天了", "打了好几次电话都没人管", "家里老人孩子受不了", "请尽快派人来看看",
                "上次反映过还是没解决", "周围邻居意见都很大", "希望给个明确答复"};
        String placeChars = "东南西北中新和平安宁康福华兴民乐金银江海山湖桥园苑庄村镇河港湾里坊城";
        Random rnd = new Random(42);
        List<String[]> generated = new ArrayList<>();
        for (int i = 0; i < tickets + 2000; i++) {
            String[] m = matters[rnd.nextInt(matters.length)];
            String place = "" + placeChars.charAt(rnd.nextInt(placeChars.length()))
                    + placeChars.charAt(rnd.nextInt(placeChars.length())) + "路" + (1 + rnd.nextInt(300)) + "号";
            generated.add(new String[]{m[0], districts[rnd.nextInt(districts.length)] + place
                    + m[1 + rnd.nextInt(m.length - 1)] + "，" + fillers[rnd.nextInt(fillers.length)]});
        }
        try (DepartmentSuggester s = new DepartmentSuggester(dir)) {
            s.replaceRules(DepartmentSuggester.defaultRules());
            long start = System.nanoTime();
            for (int i = 0; i < tickets; i++) {
                s.learnHandled(i, generated.get(i)[1], null, generated.get(i)[0]);
            }
            s.suggest("预热", null, 3);
            System.out.printf("scale, %s: learned %d generated tickets in %.1f s%n", name, tickets, (System.nanoTime() - start) / 1e9);
            List<String[]> queries = generated.subList(tickets, generated.size());
            queries.forEach(q -> s.suggest(q[1], null, 3));
            long[] nanos = new long[queries.size()];
            int correct = 0;
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                List<Suggestion> out = s.suggest(queries.get(i)[1], null, 3);
                nanos[i] = System.nanoTime() - t0;
                correct += !out.isEmpty() && out.get(0).code().equals(queries.get(i)[0]) ? 1 : 0;
            }
            Arrays.sort(nanos);
            System.out.printf("scale, %s: suggest p50 %d µs, p99 %d µs over %d queries (top-1 on generated %.3f)%n",
                    name, nanos[nanos.length / 2] / 1000, nanos[nanos.length * 99 / 100] / 1000, nanos.length,
                    (double) correct / nanos.length);
        }
    }

    private static List<Complaint> readComplaints(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Complaint> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode n = json.readTree(line);
                out.add(new Complaint(n.get("seq").asLong(), n.get("content").asText(), n.get("dept").asText()));
            }
        }
        out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return out;
    }
}
