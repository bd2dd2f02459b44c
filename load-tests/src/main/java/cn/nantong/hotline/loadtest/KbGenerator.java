package cn.nantong.hotline.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a large knowledge-base folder in the real entry format (Markdown with YAML front matter
 * id/title/category/department/keywords/effective/review_by) plus a file of realistic caller queries.
 *
 * <p>Everything is derived at run time from the real entries of the shipped knowledge base: each generated
 * entry is one real matter (its category, department, keywords and sections) localised to one of the seven
 * districts of Nantong and one of its streets or towns, with district-specific counter addresses, tips and
 * title wording, so that 10,000 entries are distinct, valid and read like the real ones. The real
 * {@code synonyms.txt} is copied along, so query-time synonym expansion is the same as in production.
 * Output is deterministic for a given seed.
 *
 * <p>Usage: {@code java -cp target/classes cn.nantong.hotline.loadtest.KbGenerator SOURCE_KB OUT_DIR COUNT QUERIES_FILE [QUERY_COUNT] [SEED]}
 */
public final class KbGenerator {

    static final int MIN_BODY = 300;
    static final int MAX_BODY = 700;
    private static final String MARKER = ".generated-by-KbGenerator";
    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");

    /** District, its id slug, and its streets and towns (real names). */
    record District(String name, String slug, List<String> streets) {
    }

    static final List<District> DISTRICTS = List.of(
            new District("崇川区", "chongchuan", List.of("和平桥街道", "城东街道", "任港街道", "新城桥街道", "虹桥街道",
                    "学田街道", "钟秀街道", "文峰街道", "观音山街道", "狼山镇街道", "幸福街道", "陈桥街道", "秦灶街道",
                    "永兴街道", "唐闸镇街道", "天生港镇街道")),
            new District("通州区", "tongzhou", List.of("金沙街道", "金新街道", "先锋街道", "兴东街道", "西亭镇", "二甲镇",
                    "东社镇", "三余镇", "十总镇", "石港镇", "刘桥镇", "平潮镇", "平东镇", "五接镇", "兴仁镇", "川姜镇")),
            new District("海门区", "haimen", List.of("海门街道", "三厂街道", "滨江街道", "常乐镇", "悦来镇", "四甲镇",
                    "余东镇", "正余镇", "包场镇", "临江镇", "海永镇", "三星镇")),
            new District("如皋市", "rugao", List.of("如城街道", "城北街道", "东陈镇", "丁堰镇", "白蒲镇", "下原镇", "九华镇",
                    "石庄镇", "长江镇", "吴窑镇", "江安镇", "搬经镇", "磨头镇")),
            new District("启东市", "qidong", List.of("汇龙镇", "南阳镇", "北新镇", "王鲍镇", "合作镇", "海复镇", "近海镇",
                    "寅阳镇", "惠萍镇", "东海镇", "吕四港镇")),
            new District("海安市", "haian", List.of("海安街道", "城东镇", "曲塘镇", "李堡镇", "角斜镇", "大公镇", "雅周镇",
                    "白甸镇", "南莫镇", "墩头镇")),
            new District("如东县", "rudong", List.of("掘港街道", "城中街道", "大豫镇", "曹埠镇", "岔河镇", "双甸镇", "新店镇",
                    "河口镇", "袁庄镇", "马塘镇", "丰利镇", "栟茶镇", "洋口镇", "长沙镇")));

    private static final List<String> ROADS = List.of("人民路", "青年路", "工农路", "跃龙路", "世纪大道", "长江路", "解放路",
            "建设路", "通甲路", "花园路", "文化路", "胜利路", "育才路", "团结路", "幸福路", "振兴路");

    private static final List<String> TIPS = List.of(
            "办理前可拨打12345热线或辖区便民服务中心电话确认材料，避免多跑。",
            "窗口工作时间为工作日上午9:00至12:00、下午13:30至17:00，法定节假日除外。",
            "部分事项支持\"帮办代办\"，行动不便的老年人、残疾人可申请上门服务。",
            "材料不全的，窗口会一次性告知需补正的内容，补齐后即可继续办理。",
            "委托他人代办的，需提供委托书及双方身份证原件。",
            "办理结果可通过苏服办App\"我的办件\"查询进度。",
            "周六上午部分便民服务中心实行延时服务，具体以当地公告为准。",
            "对办理结果有异议的，可拨打12345热线反映，或向主管部门申请复核。");

    private static final List<String> SCOPE_NOTES = List.of(
            "本条目为%s%s辖区办理指引，户籍或居住地在本辖区的群众可就近办理。",
            "%s%s居民可就近到辖区便民服务中心咨询办理，也可选择网上办理。",
            "在%s%s工作、居住的人员，按本指引办理，政策口径与全市一致。",
            "%s%s已实现该事项\"就近办\"，无需到市级窗口排队。");

    /** A real entry of the source knowledge base. */
    record Source(String id, String folder, String title, String category, String department, List<String> keywords,
                  LocalDate effective, LocalDate reviewBy, Map<String, String> sections) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: KbGenerator SOURCE_KB OUT_DIR COUNT QUERIES_FILE [QUERY_COUNT] [SEED]");
            System.exit(2);
        }
        Path sourceDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        Path queriesFile = Path.of(args[3]);
        int queryCount = args.length > 4 ? Integer.parseInt(args[4]) : 400;
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 12345L;

        List<Source> sources = readSources(sourceDir);
        if (sources.isEmpty()) {
            throw new IllegalStateException("no entries found in " + sourceDir);
        }
        int streets = DISTRICTS.stream().mapToInt(d -> d.streets().size()).sum();
        if ((long) sources.size() * streets < count) {
            throw new IllegalStateException("only " + sources.size() * streets + " distinct (matter, street) pairs for "
                    + count + " entries");
        }
        prepareOutput(out);
        long t0 = System.nanoTime();
        Stats stats = generate(sources, out, count, new Random(seed));
        Path synonyms = sourceDir.resolve("synonyms.txt");
        if (Files.isRegularFile(synonyms)) {
            Files.copy(synonyms, out.resolve("synonyms.txt"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> queries = queries(sources, queryCount, new Random(seed + 1));
        Files.createDirectories(queriesFile.toAbsolutePath().getParent());
        Files.write(queriesFile, queries, StandardCharsets.UTF_8);
        System.out.printf("generated %d entries from %d real ones into %s in %d ms (body %d-%d chars, mean %d; %d categories,"
                        + " %d departments)%n", count, sources.size(), out, (System.nanoTime() - t0) / 1_000_000,
                stats.minBody, stats.maxBody, stats.totalBody / count, stats.categories.size(), stats.departments.size());
        System.out.printf("wrote %d queries to %s%n", queries.size(), queriesFile);
    }

    // ---------------------------------------------------------------- reading the real entries

    static List<Source> readSources(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".md"))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted().toList();
        }
        List<Source> out = new ArrayList<>();
        for (Path f : files) {
            Source s = parse(dir.relativize(f.getParent()).toString(), Files.readString(f));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }

    /** Just enough of the front matter format for the shipped entries; entries it cannot read are left out. */
    static Source parse(String folder, String text) {
        String[] lines = text.replace("\uFEFF", "").split("\\R", -1);
        if (lines.length < 3 || !lines[0].strip().equals("---")) {
            return null;
        }
        Map<String, String> fm = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.length && !lines[i].strip().equals("---"); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fm.put(lines[i].substring(0, colon).strip(), unquote(lines[i].substring(colon + 1).strip()));
            }
        }
        Map<String, String> sections = new LinkedHashMap<>();
        String heading = null;
        StringBuilder sb = new StringBuilder();
        for (i = i + 1; i < lines.length; i++) {
            if (lines[i].startsWith("## ")) {
                if (heading != null) {
                    sections.put(heading, sb.toString().strip());
                }
                heading = lines[i].substring(3).strip();
                sb.setLength(0);
            } else {
                sb.append(lines[i]).append('\n');
            }
        }
        if (heading != null) {
            sections.put(heading, sb.toString().strip());
        }
        String kw = fm.getOrDefault("keywords", "[]");
        List<String> keywords = new ArrayList<>();
        for (String k : kw.replaceAll("^\\[|]$", "").split(",")) {
            if (!k.isBlank()) {
                keywords.add(unquote(k.strip()));
            }
        }
        if (fm.get("id") == null || fm.get("title") == null || fm.get("category") == null
                || fm.get("department") == null || sections.isEmpty()) {
            return null;
        }
        return new Source(fm.get("id"), folder, fm.get("title"), fm.get("category"), fm.get("department"), keywords,
                date(fm.get("effective"), LocalDate.of(2025, 1, 1)), date(fm.get("review_by"), LocalDate.of(2027, 1, 1)),
                sections);
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static LocalDate date(String s, LocalDate dflt) {
        try {
            return s == null || s.isBlank() ? dflt : LocalDate.parse(s);
        } catch (RuntimeException e) {
            return dflt;
        }
    }

    // ---------------------------------------------------------------- generating entries

    static final class Stats {
        int minBody = Integer.MAX_VALUE;
        int maxBody;
        long totalBody;
        final Set<String> categories = new HashSet<>();
        final Set<String> departments = new HashSet<>();
    }

    private static void prepareOutput(Path out) throws IOException {
        if (Files.isDirectory(out)) {
            boolean ours = Files.exists(out.resolve(MARKER));
            try (Stream<Path> list = Files.list(out)) {
                if (!ours && list.findAny().isPresent()) {
                    throw new IllegalStateException(out + " exists, is not empty and was not written by this generator;"
                            + " refusing to delete it");
                }
            }
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(out);
        Files.writeString(out.resolve(MARKER), "written by load-tests KbGenerator; safe to delete\n");
    }

    /** Every (district, street) pair, in a fixed order. */
    static List<String[]> places() {
        List<String[]> places = new ArrayList<>();
        for (District d : DISTRICTS) {
            for (int s = 0; s < d.streets().size(); s++) {
                places.add(new String[]{d.name(), d.streets().get(s), d.slug(), Integer.toString(s + 1)});
            }
        }
        return places;
    }

    static Stats generate(List<Source> sources, Path out, int count, Random rnd) throws IOException {
        List<String[]> places = places();
        Map<String, List<Source>> byCategory = new LinkedHashMap<>();
        sources.forEach(s -> byCategory.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s));
        Set<String> ids = new HashSet<>();
        Stats stats = new Stats();
        for (int i = 0; i < count; i++) {
            int b = i % sources.size();
            int round = i / sources.size();
            Source base = sources.get(b);
            // For one matter, successive rounds visit distinct places: (round + offset) mod places is injective.
            String[] place = places.get((round + b * 17) % places.size());
            String district = place[0];
            String street = place[1];
            String id = base.id() + "-" + place[2] + "-" + place[3];
            if (!ID.matcher(id).matches() || !ids.add(id)) {
                throw new IllegalStateException("bad or duplicate id " + id);
            }
            // A sibling matter of the same category lends its wording for the tips, as editors reuse text.
            List<Source> siblings = byCategory.get(base.category());
            Source sibling = siblings.get(rnd.nextInt(siblings.size()));
            String title = title(base, district, street, rnd);
            List<String> keywords = keywords(base, sibling, district, street, rnd);
            String body = body(base, district, street, rnd);
            LocalDate effective = base.effective().minusDays(rnd.nextInt(400));
            LocalDate reviewBy = rnd.nextInt(100) < 4
                    ? LocalDate.of(2025, 6, 30).minusDays(rnd.nextInt(90)) // a few overdue for review
                    : base.reviewBy().plusDays(rnd.nextInt(365));
            if (reviewBy.isBefore(effective)) {
                effective = reviewBy.minusDays(180);
            }
            String text = "---\n"
                    + "id: " + id + "\n"
                    + "title: " + yamlString(title) + "\n"
                    + "category: " + yamlString(base.category()) + "\n"
                    + "department: " + base.department() + "\n"
                    + "keywords: [" + String.join(", ", keywords.stream().map(KbGenerator::yamlString).toList()) + "]\n"
                    + "effective: " + effective + "\n"
                    + "review_by: " + reviewBy + "\n"
                    + "---\n" + body + "\n";
            Path dir = out.resolve(base.folder().isEmpty() ? "misc" : base.folder());
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(id + ".md"), text, StandardCharsets.UTF_8);
            int len = body.length();
            stats.minBody = Math.min(stats.minBody, len);
            stats.maxBody = Math.max(stats.maxBody, len);
            stats.totalBody += len;
            stats.categories.add(base.category());
            stats.departments.add(base.department());
        }
        return stats;
    }

    private static String title(Source base, String district, String street, Random rnd) {
        String kw = base.keywords().isEmpty() ? base.title() : base.keywords().get(rnd.nextInt(base.keywords().size()));
        String t = switch (rnd.nextInt(5)) {
            case 0 -> base.title() + "（" + district + street + "）";
            case 1 -> district + street + base.title();
            case 2 -> district + "：" + base.title() + "——" + street + "便民服务中心";
            case 3 -> kw + "办理指南（" + district + street + "）";
            default -> base.title() + "·" + street + "就近办";
        };
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static List<String> keywords(Source base, Source sibling, String district, String street, Random rnd) {
        Set<String> k = new LinkedHashSet<>(base.keywords());
        if (sibling != base && !sibling.keywords().isEmpty() && rnd.nextInt(3) == 0) {
            k.add(sibling.keywords().get(rnd.nextInt(sibling.keywords().size())));
        }
        k.add(district);
        k.add(street);
        k.add(district.substring(0, 2) + base.keywords().stream().findFirst().orElse(base.category()));
        return new ArrayList<>(k);
    }

    private static String body(Source base, String district, String street, Random rnd) {
        String road = ROADS.get(rnd.nextInt(ROADS.size()));
        int number = 1 + rnd.nextInt(300);
        Map<String, String> s = new LinkedHashMap<>(base.sections());
        String scope = String.format(SCOPE_NOTES.get(rnd.nextInt(SCOPE_NOTES.size())), district, street);
        s.put("适用对象", firstSentences(s.getOrDefault("适用对象", ""), 2) + scope);
        s.put("线下办理", district + "政务服务中心相关窗口；" + street + "便民服务中心（" + street.replaceAll("(街道|镇)$", "")
                + road + number + "号）综合受理窗口。"
                + (rnd.nextBoolean() ? "" : firstSentences(s.getOrDefault("线下办理", ""), 1)));
        s.put("温馨提示", TIPS.get(rnd.nextInt(TIPS.size())));
        // Fit into MIN_BODY..MAX_BODY: drop the least specific sections first, then shorten lists.
        List<String> droppable = new ArrayList<>(List.of("政策依据", "温馨提示", "收费标准"));
        String body = render(s);
        while (body.length() > MAX_BODY && !droppable.isEmpty()) {
            s.remove(droppable.remove(0));
            body = render(s);
        }
        for (String key : List.of("所需材料", "网上办理", "适用对象", "线下办理", "办理时限")) {
            while (body.length() > MAX_BODY && s.containsKey(key) && shorter(s.get(key)) != null) {
                s.put(key, shorter(s.get(key)));
                body = render(s);
            }
        }
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY - 1) + "。";
        }
        int tip = 0;
        while (body.length() < MIN_BODY) {
            s.merge("温馨提示", TIPS.get(tip++ % TIPS.size()), (a, c) -> a + c);
            body = render(s);
        }
        if (body.length() > MAX_BODY) {
            body = body.substring(0, MAX_BODY - 1) + "。";
        }
        return body;
    }

    private static String render(Map<String, String> sections) {
        StringBuilder sb = new StringBuilder();
        sections.forEach((h, t) -> {
            if (!t.isBlank()) {
                sb.append("## ").append(h).append('\n').append(t.strip()).append("\n\n");
            }
        });
        return sb.toString().strip();
    }

    /** The text without its last line or, for one line, its last sentence; null when it cannot get shorter. */
    private static String shorter(String text) {
        String t = text.strip();
        int nl = t.lastIndexOf('\n');
        if (nl > 0) {
            return t.substring(0, nl).strip();
        }
        int cut = Math.max(t.lastIndexOf('。', t.length() - 2), t.lastIndexOf('；', t.length() - 2));
        return cut > 10 ? t.substring(0, cut + 1) : null;
    }

    private static String firstSentences(String text, int n) {
        String t = text.strip().replace('\n', ' ');
        int end = -1;
        for (int i = 0; i < n; i++) {
            int next = t.indexOf('。', end + 1);
            if (next < 0) {
                return t.isEmpty() || t.endsWith("。") ? t : t + "。";
            }
            end = next;
        }
        return t.substring(0, end + 1);
    }

    static String yamlString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---------------------------------------------------------------- caller queries

    private static final List<String> SHORT_FORMS = List.of("%s", "%s怎么办", "%s在哪里办", "请问%s", "%s要什么材料",
            "%s怎么弄", "%s多久能办好", "%s收费吗", "%s网上能办吗", "请问%s在哪里办");

    private static final List<String> OPENERS = List.of("你好，", "您好，", "喂，你好，", "请问一下，", "麻烦问一下，", "",
            "你好啊，我想咨询个事，", "您好，我是%s的，", "我家住在%s，", "你好，我在%s上班，");

    private static final List<String> SITUATIONS = List.of("家里老人年纪大了腿脚不方便，", "我刚从外地回来，",
            "孩子今年要上学了，", "我之前问过一次没弄明白，", "单位让我自己去办，", "我在网上看了半天也没找到，",
            "我不太会用手机，", "上次去窗口说材料不全，", "我户口不在南通，", "我是替我爸妈问的，", "");

    private static final List<String> ASKS = List.of("想问一下%s需要带什么材料", "%s到底在哪里办", "%s怎么办理啊",
            "%s要多长时间能办好", "%s要不要交钱", "%s能不能在网上办", "%s是不是要本人去", "%s具体流程是怎样的",
            "%s可以找人代办吗", "办%s要准备哪些东西");

    private static final List<String> CLOSERS = List.of("", "，谢谢", "，麻烦你了", "？", "，急用", "，在线等", "，谢谢啊",
            "，周末能办吗", "，要不要预约");

    /** Questions the knowledge base has no answer for: realistic too, and they exercise the gap recorder. */
    private static final List<String> NO_ANSWER = List.of("楼上邻居半夜装修太吵了", "小区门口的路灯坏了好几天",
            "外卖员把餐送错了找谁", "狗狗走丢了能帮忙找吗", "哪里可以看烟花表演", "今天的天气怎么样");

    static List<String> queries(List<Source> sources, int n, Random rnd) {
        List<String> places = new ArrayList<>();
        for (District d : DISTRICTS) {
            places.add(d.name());
            d.streets().forEach(s -> places.add(d.name() + s));
            places.add(d.name().substring(0, 2));
        }
        Set<String> out = new LinkedHashSet<>();
        int guard = 0;
        while (out.size() < n && guard++ < n * 50) {
            Source s = sources.get(rnd.nextInt(sources.size()));
            String matter = rnd.nextInt(3) == 0 || s.keywords().isEmpty()
                    ? shortTitle(s.title()) : s.keywords().get(rnd.nextInt(s.keywords().size()));
            String place = places.get(rnd.nextInt(places.size()));
            int kind = rnd.nextInt(100);
            String q;
            if (kind < 3) {
                q = pick(OPENERS, rnd, place) + NO_ANSWER.get(rnd.nextInt(NO_ANSWER.size())) + pick(CLOSERS, rnd, place);
            } else if (kind < 45) {
                // Short: what agents type, and what citizens type into the search box.
                q = String.format(SHORT_FORMS.get(rnd.nextInt(SHORT_FORMS.size())), matter);
                if (rnd.nextInt(4) == 0) {
                    q = place + q;
                }
            } else if (kind < 80) {
                q = pick(OPENERS, rnd, place) + String.format(ASKS.get(rnd.nextInt(ASKS.size())), matter)
                        + pick(CLOSERS, rnd, place);
            } else {
                // Long: a caller telling the story, as an agent transcribes it.
                Source other = sources.get(rnd.nextInt(sources.size()));
                String matter2 = other.keywords().isEmpty() ? shortTitle(other.title())
                        : other.keywords().get(rnd.nextInt(other.keywords().size()));
                String opener = pick(OPENERS, rnd, place);
                q = opener + SITUATIONS.get(rnd.nextInt(SITUATIONS.size()))
                        + String.format(ASKS.get(rnd.nextInt(ASKS.size())), matter) + "，"
                        + "另外" + String.format(ASKS.get(rnd.nextInt(ASKS.size())), matter2)
                        + (opener.contains(place) ? "" : "，我在" + place + "这边") + pick(CLOSERS, rnd, place);
            }
            out.add(q.replace("\n", " ").strip());
        }
        List<String> list = new ArrayList<>(out);
        java.util.Collections.shuffle(list, rnd);
        return list;
    }

    private static String pick(List<String> forms, Random rnd, String place) {
        String f = forms.get(rnd.nextInt(forms.size()));
        return f.contains("%s") ? String.format(f, place) : f;
    }

    private static String shortTitle(String title) {
        return title.replaceAll("[（(].*?[）)]", "").replaceAll("[，、：].*$", "").strip();
    }

    private KbGenerator() {
    }

    static {
        // Guard against a typo in the place lists making ids collide silently.
        Set<String> slugs = new HashSet<>();
        DISTRICTS.forEach(d -> {
            if (!slugs.add(d.slug())) {
                throw new UncheckedIOException(new IOException("duplicate district slug " + d.slug()));
            }
        });
    }
}
