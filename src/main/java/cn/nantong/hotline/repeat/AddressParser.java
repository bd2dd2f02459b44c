package cn.nantong.hotline.repeat;

import cn.nantong.hotline.repeat.Place.Named;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds place parts in a Chinese address or free text: district, 街道/镇, road and number, intersection, bus
 * route, 小区 and 幢, 村 and 组, and landmarks (X厂, X菜场, X小学...).
 *
 * <p>There is no gazetteer, so names are cut out by their kind word (路, 苑, 村, 超市...). Each found part is
 * masked before the next kind is searched, so a road cannot swallow the 小区 after it. Because the cut may
 * start a character or two early ("城南锦绣苑" vs "锦绣苑"), comparable keys keep only the last two name
 * characters plus the kind word.
 */
public final class AddressParser {

    /** Characters that never belong inside a place name: they end the name to their left. */
    private static final String BOUNDARY = "的了是我你他她它们在从那这个把被给说向往对跟与及或就都也还很最着吗呢吧啊要有没到去来又再已并而但号";
    /**
     * While parsing, the boundary characters and 路 and 街 stand in as private-use characters, and the patterns name
     * them by their stand-ins ({@link #hidden}), so that the name class excludes them by script alone. A class listing
     * fifty excluded characters is tested one by one at every position, and that was most of the cost of a parse.
     */
    private static final String HIDDEN = BOUNDARY + "路街";
    /** Braille patterns: below the Han blocks, and never left in a text by {@link #normalize}, which masks symbols. */
    private static final char HIDDEN_BASE = '\u2800';
    /**
     * A name character: Han script, which leaves out the hidden characters. {@code [\\p{IsHan}&&[^号都路街]]} looked
     * up each character's script by binary search at every position a name pattern tried, a fifth of a parse. Here
     * one range test turns away the digits, masks and hidden characters (all below U+2E80), and the main CJK block,
     * one range, is tested before the rarer Han ranges: the engine tests a class's ranges one after the other, each a
     * call it cannot inline, so every excluded character in the main block cost one more call per test.
     */
    private static final String NAME = nameClass();
    private static final String NUM = "(\\d{1,4}|[一二三四五六七八九十两]{1,3})";
    private static final char MASK = '|';

    /** Districts of the city with their short forms; the city's own name maps to "" (masked, names no district). */
    private static final Map<String, String> DISTRICTS = Map.ofEntries(
            Map.entry("崇川区", "崇川区"), Map.entry("通州区", "通州区"), Map.entry("海门区", "海门区"),
            Map.entry("海安市", "海安市"), Map.entry("如皋市", "如皋市"), Map.entry("如东县", "如东县"),
            Map.entry("启东市", "启东市"), Map.entry("崇川", "崇川区"), Map.entry("通州", "通州区"),
            Map.entry("海门", "海门区"), Map.entry("海安", "海安市"), Map.entry("如皋", "如皋市"),
            Map.entry("如东", "如东县"), Map.entry("启东", "启东市"), Map.entry("南通市", ""), Map.entry("南通", ""));
    private static final Pattern DISTRICT = Pattern.compile(hidden(DISTRICTS.keySet().stream()
            .sorted((a, b) -> b.length() - a.length()).collect(Collectors.joining("|"))));
    /** Zone and road-class words that prefix a name without being part of it ("开发区永达机械", "县道石板桥"). */
    private static final Pattern ZONE = Pattern.compile(hidden("经济技术开发区|经济开发区|开发区|高新区|工业园区|县道|省道|国道"));
    private static final Pattern ROUTE = Pattern.compile(hidden("(?<![\\d号A-Za-z])(\\d{1,3})路(?![口段])|(?<![A-Za-z])([GSXYC]\\d{3})"));
    private static final Pattern TOWN = Pattern.compile(hidden("(" + NAME + "{2,3}?)(街道|镇)(?!上|里|政府|长)"));
    private static final Pattern ROAD = Pattern.compile(hidden(
            "(" + NAME + "{2,4}?)([东西南北中]?(?:大道|大街|路|街(?!道)|巷))(?:(\\d{1,5})号(?![楼院]))?"));
    private static final Pattern ESTATE = Pattern.compile(hidden(
            "(" + NAME + "{2,4}?)(新村|新城|花园|花苑|家园|华庭|公寓|公馆|山庄|名都|名邸|大厦|小区|苑|府|湾|园)(?:小区)?"));
    private static final Pattern BUILDING = Pattern.compile(hidden(NUM + "(?:幢|栋|号楼|#楼|#)"));
    private static final Pattern VILLAGE = Pattern.compile(hidden("(" + NAME + "{2,4}?)村(?![民子委干头里口部])"));
    private static final Pattern GROUP = Pattern.compile(hidden(NUM + "组"));
    /** Characters every match of TOWN, ROAD and ESTATE contains, hidden as the text they are looked for in. */
    private static final String TOWN_WORDS = hidden("道镇");
    private static final String ROAD_WORDS = hidden("路街巷道");
    private static final String ESTATE_WORDS = hidden("村城园苑庭寓馆庄都邸厦区府湾");
    /** Matched on the text as written ({@link #shown}), unlike the other patterns. */
    private static final Pattern JOINER = Pattern.compile("[与和及、/ ]?");
    private static final Pattern CROSSING = Pattern.compile(hidden("^(?:交叉口|十字路口|路口|口)"));

    /** A name ending in one of these is a common noun, not a road: 马路, 道路, 线路, 一路, 整条路... */
    private static final String NOT_ROAD_END = "马公道铁线走修半一水电网门出套回思条泥土小大这那炸近段口边侧头字";
    /** A name ending in one of these is not a 小区 but a park, school or industrial zone (公园, 幼儿园, 工业园). */
    private static final String NOT_ESTATE_END = "公儿校菜乐物业技流果茶陵政";
    private static final List<String> LEADING_FILLER = List.of("来电人称", "来电人", "来电", "市民", "反映", "本人",
            "居住", "家住", "住", "位于", "靠近", "附近", "对面", "旁边", "隔壁", "楼下", "楼上", "一家", "一所",
            "一个", "家", "称", "上", "关于", "路过", "后面", "前面");
    /** Words that fill a name slot without naming anything, and utilities or trades that are actors, not places. */
    private static final Set<String> GENERIC_NAMES = Set.of("附近", "周边", "周围", "隔壁", "对面", "旁边", "整个",
            "老旧", "本地", "当地", "民办", "公办", "私立", "民营", "私人", "社区", "小区", "村里", "镇上", "县城",
            "城里", "市区", "楼下", "楼上", "同一", "各个", "这边", "那边", "门口", "路口", "中心", "一家", "预防",
            "老年", "家里", "外地", "安置", "拆迁", "新建", "燃气", "供电", "供水", "自来水", "物业", "维保", "环卫",
            "公交", "快递", "外卖", "开发", "装修", "电力");
    /**
     * Words that begin or end ordinary phrases, not names: without them "晚上路过" reads as a road 晚上路, "希望市场监管"
     * as a market and "餐饮店增加小区噪音" as an estate; such false keys collect hundreds of unrelated reports.
     */
    private static final List<String> NOT_NAME_START = List.of("晚上", "早上", "中午", "下午", "凌晨", "白天", "夜里",
            "夜间", "半夜", "今天", "昨天", "每天", "天天", "希望", "要求", "建议", "增加", "几家", "一些", "很多",
            "好多", "所有", "这个", "那个", "这家", "那家", "我们", "你们", "他们");
    /** Institutions that a town has about one of, so "the town's" one is specific enough to name it. */
    private static final Set<String> ONE_PER_TOWN = Set.of("医院", "派出所", "政务");
    private static final Set<String> GENERIC_IN_TEXT = Set.of("公司", "厂");

    private final Vocabulary landmarkWords;

    public AddressParser() {
        this(Vocabulary.load("/repeat/landmark-types.txt"));
    }

    AddressParser(Vocabulary landmarkWords) {
        this.landmarkWords = landmarkWords;
    }

    /** Parses an address; {@code districtHint} (may be null) wins over a district named in the text. */
    public Place parse(String address, String districtHint) {
        return parse(address, districtHint, false);
    }

    /**
     * Parses what a caller said. Free text says "公司" and "厂" of the caller's employer or a utility
     * ("燃气公司说..."), so those bare kind words only count as places in an address.
     */
    public Place parseText(String text, String districtHint) {
        return parse(text, districtHint, true);
    }

    private Place parse(String text, String districtHint, boolean freeText) {
        StringBuilder s = new StringBuilder(hidden(normalize(text)));
        Builder b = new Builder();
        scan(s, DISTRICT, always(m -> {
            String d = DISTRICTS.get(m.group());
            if (b.district == null && !d.isEmpty()) {
                b.district = d;
            }
        }));
        if (districtHint != null && !districtHint.isBlank()) {
            b.district = districtHint.trim();
        }
        scan(s, ZONE, m -> true);
        scan(s, ROUTE, always(m -> b.routes.add(m.group(1) != null ? m.group(1) + "路" : m.group(2))));
        scan(s, TOWN, TOWN_WORDS, m -> named(trimFiller(m.group(1)), "").map(n -> b.town = n.display()).isPresent());
        List<int[]> roadSpans = new ArrayList<>();
        List<Named> roadsInOrder = new ArrayList<>();
        scan(s, ROAD, ROAD_WORDS, m -> {
            String name = trimFiller(m.group(1));
            if (isGeneric(name) || NOT_ROAD_END.indexOf(name.charAt(name.length() - 1)) >= 0) {
                return false;
            }
            String kind = shown(m.group(2));
            Named road = new Named(keyOf(name) + kind, "路", name + kind);
            b.roads.add(road);
            roadsInOrder.add(road);
            roadSpans.add(new int[]{m.start(), m.end()});
            if (m.group(3) != null) {
                b.roadNumbers.add(road.key() + m.group(3) + "号");
            }
            return true;
        });
        addIntersections(s, roadSpans, roadsInOrder, b.intersections);
        scan(s, ESTATE, ESTATE_WORDS, m -> {
            String name = trimFiller(m.group(1));
            boolean single = m.group(2).length() == 1;
            return !(single && NOT_ESTATE_END.indexOf(name.charAt(name.length() - 1)) >= 0)
                    && named(name, shown(m.group(2))).map(b.estates::add).isPresent();
        });
        scan(s, BUILDING, "幢栋楼#", always(m -> addNumber(b.buildings, m.group(1))));
        scan(s, VILLAGE, "村", m -> named(trimFiller(m.group(1)), "村").map(b.villages::add).isPresent());
        scan(s, GROUP, "组", always(m -> addNumber(b.groups, m.group(1))));
        for (Vocabulary.Hit hit : landmarkWords.scan(shown(s))) {
            int from = hit.start();
            while (from > 0 && hit.start() - from < 4 && isNameChar(s.charAt(from - 1))) {
                from--;
            }
            if (addLandmark(trimFiller(s.substring(from, hit.start())), hit.word(), freeText, b)) {
                mask(s, from, hit.end());
            }
        }
        return b.build();
    }

    /** Adds the landmark; true when it had a usable name (and so its text is used up). */
    private boolean addLandmark(String rawName, String word, boolean freeText, Builder b) {
        String name = rawName;
        String type = landmarkWords.labelOf(word);
        // "宏达塑胶" + "厂": the name itself ends in a more telling kind word, which then becomes the type.
        for (int cut = Math.max(0, name.length() - 3); cut < name.length(); cut++) {
            String tail = name.substring(cut);
            if (landmarkWords.labelOf(tail) != null && (cut == 0 || cut >= 2)) {
                type = landmarkWords.labelOf(tail);
                name = name.substring(0, cut);
                break;
            }
        }
        if (freeText && GENERIC_IN_TEXT.contains(type)) {
            return false;
        }
        b.landmarkTypes.add(type);
        String display = rawName + word;
        if (isGeneric(name) && b.town != null && ONE_PER_TOWN.contains(type)) {
            name = b.town;
            display = b.town + word;
        }
        if (isGeneric(name)) {
            return false;
        }
        b.landmarks.add(new Named(keyOf(name) + type, type, display));
        return true;
    }

    private static void addIntersections(CharSequence s, List<int[]> spans, List<Named> roads, Set<String> out) {
        for (int i = 0; i + 1 < spans.size(); i++) {
            String gap = shown(s.subSequence(spans.get(i)[1], spans.get(i + 1)[0])).replace(String.valueOf(MASK), "");
            String after = s.subSequence(spans.get(i + 1)[1], s.length()).toString();
            boolean adjacent = spans.get(i + 1)[0] - spans.get(i)[1] <= 1 && JOINER.matcher(gap).matches();
            if (adjacent && CROSSING.matcher(after).find()) {
                String a = roads.get(i).key();
                String c = roads.get(i + 1).key();
                out.add(a.compareTo(c) < 0 ? a + "×" + c : c + "×" + a);
            }
        }
    }

    /** Runs a pattern over the text and masks each accepted match so that later kinds cannot reuse it. */
    private static void scan(StringBuilder s, Pattern p, Predicate<Matcher> accept) {
        scan(s, p, null, accept);
    }

    /**
     * As above, but only when the text holds one of {@code anyOf}, characters every match of the pattern contains.
     * The name patterns start with a character class the engine tries at every position, the costliest way to find
     * nothing, and most calls name no 幢, 组 or 村 at all.
     */
    private static void scan(StringBuilder s, Pattern p, String anyOf, Predicate<Matcher> accept) {
        String text = s.toString();
        if (anyOf != null && text.chars().noneMatch(c -> anyOf.indexOf(c) >= 0)) {
            return;
        }
        Matcher m = p.matcher(text);
        List<int[]> found = new ArrayList<>();
        while (m.find()) {
            if (accept.test(m)) {
                found.add(new int[]{m.start(), m.end()});
            }
        }
        found.forEach(span -> mask(s, span[0], span[1]));
    }

    private static void mask(StringBuilder s, int from, int to) {
        for (int i = from; i < to; i++) {
            s.setCharAt(i, MASK);
        }
    }

    /** The text with the {@link #HIDDEN} characters hidden: a normalized text, or a pattern's source. */
    private static String hidden(String text) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            int k = HIDDEN.indexOf(c[i]);
            if (k >= 0) {
                c[i] = (char) (HIDDEN_BASE + k);
            }
        }
        return new String(c);
    }

    /** The text as written (masks stay), for word lists and joiners that contain boundary characters. */
    private static String shown(CharSequence s) {
        char[] c = s.toString().toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= HIDDEN_BASE && c[i] < HIDDEN_BASE + HIDDEN.length()) {
                c[i] = HIDDEN.charAt(c[i] - HIDDEN_BASE);
            }
        }
        return new String(c);
    }

    /**
     * The regex class of the Han code points: the main CJK block's range first, then the rest of Han, which lies
     * between the CJK radicals (U+2E80) and the end of plane 3.
     */
    private static String nameClass() {
        return "[\\u2E80-\\x{3FFFF}&&[[" + hanRanges(0x4E00, 0xA000) + "]["
                + hanRanges(0x2E80, 0x4E00) + hanRanges(0xA000, 0x40000) + "]]]";
    }

    /** The Han code points from {@code from} to before {@code to}, as regex ranges. */
    private static String hanRanges(int from, int to) {
        StringBuilder out = new StringBuilder();
        int start = -1;
        for (int cp = from; cp <= to; cp++) {
            boolean in = cp < to && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            if (in && start < 0) {
                start = cp;
            } else if (!in && start >= 0) {
                out.append(String.format("\\x{%X}-\\x{%X}", start, cp - 1));
                start = -1;
            }
        }
        return out.toString();
    }

    /** On the hidden text, where no boundary character, 路 or 街 is Han any more. */
    private static boolean isNameChar(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static void addNumber(Set<String> into, String numeral) {
        int n = Numerals.parse(numeral);
        if (n >= 0) {
            into.add(Integer.toString(n));
        }
    }

    private static Predicate<Matcher> always(Consumer<Matcher> onMatch) {
        return m -> {
            onMatch.accept(m);
            return true;
        };
    }

    private static Optional<Named> named(String name, String kind) {
        return isGeneric(name) ? Optional.empty()
                : Optional.of(new Named(keyOf(name) + kind, kind, name + kind));
    }

    private static boolean isGeneric(String name) {
        return name.length() < 2 || GENERIC_NAMES.contains(name) || name.contains("某")
                || NOT_NAME_START.stream().anyMatch(w -> name.startsWith(w) || name.endsWith(w));
    }

    private static String keyOf(String name) {
        return name.length() <= 2 ? name : name.substring(name.length() - 2);
    }

    static String trimFiller(String name) {
        String n = name.endsWith("社区") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String filler : LEADING_FILLER) {
                if (n.length() > filler.length() && n.startsWith(filler)) {
                    n = n.substring(filler.length());
                    changed = true;
                }
            }
        }
        return n;
    }

    /** Full-width digits and letters to ASCII, and punctuation to a mask so that no name runs across it. */
    private static String normalize(String text) {
        StringBuilder out = new StringBuilder(text == null ? 0 : text.length());
        if (text == null) {
            return "";
        }
        for (char c : text.toCharArray()) {
            if (c >= '\uFF10' && c <= '\uFF5A') {
                c = (char) (c - 0xFEE0);
            }
            boolean keep = Character.isLetterOrDigit(c) || c == '、' || c == '/' || c == '#';
            out.append(keep ? Character.toUpperCase(c) : MASK);
        }
        return out.toString();
    }

    /** Collects the parts while a text is scanned. */
    private static final class Builder {
        String district;
        String town;
        final Set<Named> roads = new LinkedHashSet<>();
        final Set<String> roadNumbers = new LinkedHashSet<>();
        final Set<String> intersections = new LinkedHashSet<>();
        final Set<String> routes = new LinkedHashSet<>();
        final Set<Named> estates = new LinkedHashSet<>();
        final Set<String> buildings = new LinkedHashSet<>();
        final Set<Named> villages = new LinkedHashSet<>();
        final Set<String> groups = new LinkedHashSet<>();
        final Set<Named> landmarks = new LinkedHashSet<>();
        final Set<String> landmarkTypes = new LinkedHashSet<>();

        Place build() {
            return new Place(district, town, List.copyOf(roads), roadNumbers, intersections, routes,
                    List.copyOf(estates), buildings, List.copyOf(villages), groups, List.copyOf(landmarks), landmarkTypes);
        }
    }
}
