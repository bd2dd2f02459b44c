package cn.nantong.hotline.loadtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Realistic {@code POST /api/tickets} bodies, as a 12345 agent records them: mostly COMPLAINT, HELP, REPORT and
 * SUGGESTION with some INQUIRY (no address), in the seven districts of Nantong, with plausible addresses
 * (road + number + 小区/幢/室), mainland mobile numbers (a pool of repeat callers plus first-time callers) and
 * 30–300 characters of content describing a real municipal problem (noise, 油烟, 占道经营, 停水, 物业, 电梯, 欠薪 …).
 *
 * <p>Record {@code n} is a pure function of {@code (seed, n)}, so any number of threads can generate records
 * concurrently without sharing a {@link Random}, and a run is reproducible.
 *
 * <p>{@link #forHistory(long)} is the variant of the history benchmark (run-history-benchmark.sh): addresses come
 * from a generated {@link Places} catalogue of a few thousand roads and estates per district, and repeat callers
 * from a pool shared by every seed, so that the seeded history (load-tests/history/SeedHistory.java) and the
 * measured intake name the same places and callers, as they would in a city with years of tickets.
 *
 * <p>Usage (prints samples): {@code java -cp target/classes cn.nantong.hotline.loadtest.IntakeGenerator [COUNT] [SEED] [history]}
 */
public final class IntakeGenerator {

    static final List<String> DISTRICTS = List.of("崇川区", "通州区", "海门区", "如皋市", "启东市", "海安市", "如东县");

    /** Real road names per district (same order as {@link #DISTRICTS}). */
    private static final List<List<String>> ROADS = List.of(
            List.of("人民中路", "南大街", "工农路", "青年中路", "濠河路", "崇川路", "跃龙南路", "钟秀路", "虹桥路", "城港路", "长江中路", "孩儿巷北路"),
            List.of("金沙镇人民路", "银河路", "世纪大道", "新金路", "建设路", "朝霞路", "通甲路", "碧华路"),
            List.of("北京东路", "长江南路", "解放中路", "秀山路", "珠江路", "浦江路", "狮山路", "嘉陵江路"),
            List.of("海阳南路", "福寿路", "宁海路", "大司马路", "解放路", "益寿路", "惠政路", "文峰路"),
            List.of("公园中路", "人民西路", "和平北路", "紫薇中路", "江海中路", "牡丹江路", "吕四港路"),
            List.of("长江中路", "宁海南路", "中坝北路", "黄海大道", "鑫乐路", "通榆路", "迎宾路"),
            List.of("江海西路", "人民北路", "青园南路", "外环西路", "掘港大道", "泰山路", "华山路"));

    private static final List<String> ESTATES = List.of("阳光", "锦绣", "和平", "幸福", "金色", "文峰", "城东", "紫琅", "翠苑",
            "景瑞", "星湖", "滨江", "濠河", "新城", "书香", "香格里拉", "碧桂园", "万科城", "恒大名都", "中南世纪城");
    private static final List<String> ESTATE_SUFFIXES = List.of("小区", "花园", "新村", "家园", "嘉园", "公寓", "苑");

    private static final List<String> SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
            "朱", "高", "顾", "陆", "沈", "季", "缪", "曹");

    /** Mainland mobile prefixes in real use (1[3-9]x). */
    private static final List<String> PREFIXES = List.of("130", "131", "132", "133", "135", "136", "137", "138", "139", "145",
            "147", "150", "151", "152", "153", "155", "157", "158", "159", "166", "172", "173", "176", "177", "178", "180",
            "181", "182", "183", "185", "186", "187", "188", "189", "191", "195", "198", "199");

    /** A problem: type, its usual category, and the phrases an agent writes it down with. */
    record Problem(String type, String category, List<String> what, List<String> detail, List<String> ask) {
    }

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("COMPLAINT", "噪声污染",
                    List.of("楼下商铺晚上KTV音响声音很大，一直吵到凌晨一两点", "隔壁工地夜间违规施工，打桩机和渣土车噪音严重",
                            "楼上住户每天早上五点开始装修电钻声不断", "小区广场舞音响声音开得特别大，每天晚上持续到十点多"),
                    List.of("家里老人和孩子根本睡不着，已经持续一个多星期了", "之前跟物业反映过两次，物业说管不了",
                            "打过110，民警来了以后停了一会儿又开始了", "孩子马上要中考了，严重影响学习休息"),
                    List.of("希望相关部门尽快到现场查处", "要求城管或环保部门夜间来测一下噪声", "请尽快处理并给予答复")),
            new Problem("COMPLAINT", "油烟污染",
                    List.of("小区底商的烧烤店油烟直排，没有安装油烟净化设备", "楼下新开的饭店排烟管道直接对着住户窗户",
                            "沿街几家小吃店油烟很大，楼上窗户都不敢开"),
                    List.of("家里阳台晾的衣服都是油烟味，墙面都熏黑了", "夏天根本没法开窗，家里老人有哮喘",
                            "跟店家沟通过多次，对方态度很差不予理睬"),
                    List.of("要求环保部门上门检查，督促安装净化设备", "希望依法整改，否则请予以关停", "请相关部门核实处理")),
            new Problem("COMPLAINT", "占道经营",
                    List.of("菜市场门口流动摊贩占道经营，早上把非机动车道全部占满", "学校门口每天放学时有小摊贩摆摊卖油炸食品",
                            "路边水果店把货架摆到人行道上，行人只能走机动车道", "夜市摊位占用消防通道，垃圾随地乱扔"),
                    List.of("早高峰时电动车和行人挤在一起，很不安全", "已经发生过好几次剐蹭", "城管来了就跑，走了又回来"),
                    List.of("希望城管部门加强巡查，长效管理", "要求清理占道摊点，恢复通行", "请尽快处理")),
            new Problem("COMPLAINT", "物业管理",
                    List.of("小区物业不作为，楼道里垃圾好几天没人清理", "物业擅自提高停车费，没有经过业主大会",
                            "小区地下车库积水严重，物业一直不处理", "物业把小区绿地改成收费停车位"),
                    List.of("多次找物业反映都说在处理，一直没有结果", "业主群里很多人都有意见", "物业费照收，服务越来越差"),
                    List.of("希望住建部门督促物业整改", "要求物业公开收支情况", "请街道社区协调解决")),
            new Problem("HELP", "供水",
                    List.of("小区从昨天晚上开始停水，到现在还没有来水", "家里自来水发黄有异味，烧开后有沉淀",
                            "楼层高水压不够，白天五楼以上基本没水", "路边自来水管道破裂，水一直往外冒"),
                    List.of("事先没有看到任何停水通知", "家里有老人和小孩，做饭洗漱都成问题", "打过自来水公司电话一直占线"),
                    List.of("请问什么时候能恢复供水", "希望尽快派人来抢修", "麻烦帮忙联系供水部门处理")),
            new Problem("HELP", "电梯安全",
                    List.of("小区电梯经常突然停运，今天早上有人被困在里面二十多分钟", "单元电梯运行时异响很大，门关不严",
                            "电梯年检合格证已经过期好几个月了", "电梯按钮坏了一个多月，物业说配件还没到"),
                    List.of("楼里住的很多是老年人，上下楼非常不方便", "大家都不敢坐，担心出安全事故", "物业推说维保单位负责"),
                    List.of("希望市场监管部门检查电梯安全", "请督促物业和维保单位尽快维修", "请尽快安排人员处理")),
            new Problem("HELP", "劳动保障",
                    List.of("在工地干活被拖欠工资三个多月，包工头联系不上", "公司已经两个月没发工资，老板说资金周转困难",
                            "辞职后单位一直拖着不结算最后一个月的工资", "装修公司拖欠我们十几个工人的工钱"),
                    List.of("一共欠了一万八千多元，家里等着这笔钱交房租", "去公司要过好几次都被推脱", "快过年了要回老家"),
                    List.of("希望人社部门帮忙讨要工资", "请劳动监察大队介入处理", "请问应该怎么维权")),
            new Problem("HELP", "供电",
                    List.of("整栋楼从下午开始停电，一直没有恢复", "小区路灯坏了半个多月，晚上出门一片漆黑",
                            "家门口电线杆上的电线垂得很低，刮风时晃得厉害"),
                    List.of("冰箱里的东西都坏了", "晚上老人出门散步很不安全，已经有人摔倒", "担心有触电危险"),
                    List.of("请尽快安排抢修", "希望供电公司派人查看", "麻烦帮忙联系相关单位")),
            new Problem("REPORT", "市容环境",
                    List.of("河道里漂浮大量垃圾，还有死鱼，发出臭味", "路边有人偷倒建筑垃圾，堆了好大一堆",
                            "小区旁边空地有人焚烧垃圾，浓烟很大", "马路上的窨井盖丢失了，留下一个大洞"),
                    List.of("附近居民都闻得到，夏天更严重", "晚上路过很危险，已经有电动车差点掉进去", "已经持续好几天了"),
                    List.of("请相关部门尽快清理", "请尽快处理以免发生事故", "希望查清是谁倾倒的并依法处罚")),
            new Problem("REPORT", "违法建设",
                    List.of("楼顶有住户违规搭建阳光房", "一楼住户私自打通承重墙扩建", "小区绿化带被人围起来种菜还搭了棚子"),
                    List.of("存在安全隐患，影响其他住户", "物业劝阻无效", "其他业主也有意见"),
                    List.of("请城管部门核实后依法拆除", "希望尽快制止", "请相关部门处理")),
            new Problem("REPORT", "食品安全",
                    List.of("在一家超市买到过期的牛奶，生产日期是三个月前", "路边早点摊卫生条件很差，没有健康证",
                            "外卖店铺实际地址和平台上的不一致，怀疑是黑作坊"),
                    List.of("孩子喝了以后有点拉肚子", "店家拒绝退换", "有照片可以提供"),
                    List.of("请市场监管部门查处", "希望依法处理并给予答复", "请核实情况")),
            new Problem("SUGGESTION", "城市建设",
                    List.of("建议在学校门口路口增设红绿灯和斑马线", "建议增加小区附近公交线路的班次",
                            "建议在老小区加装电梯并给予补贴", "建议在公园里多设置一些公共厕所和休息座椅"),
                    List.of("上下学高峰时段车多人多，孩子过马路很危险", "现在等一班车要半个多小时", "老年人越来越多，上下楼太难了"),
                    List.of("希望相关部门考虑采纳", "请予以研究", "谢谢")));

    /** Questions answered by phone but still recorded: type INQUIRY, no address needed. */
    private static final List<String> INQUIRIES = List.of(
            "来电咨询社保卡丢失后如何补办，需要带什么材料，是否可以在网上办理，补办需要多长时间",
            "来电咨询住房公积金租房提取的条件和办理流程，本人在南通工作两年，没有自有住房",
            "来电咨询孩子今年秋季入学的报名时间和需要准备的材料，户口在本市但房子是租的",
            "来电咨询居住证到期以后如何续签，需要本人到派出所还是可以在网上办理",
            "来电咨询灵活就业人员如何缴纳城乡居民医疗保险，每年的缴费标准是多少",
            "来电咨询新生儿如何办理出生登记和落户，父母双方户口不在同一个地方",
            "来电咨询老年人乘车优惠卡在哪里办理，七十岁以上是否免费");

    private static final List<String> EXTRAS = List.of(
            "来电人表示这个问题从上个月中旬就开始出现了，中间好过几天，最近又变得严重起来",
            "来电人说之前已经在网上留言反映过一次，但是一直没有收到任何回复，所以这次打电话过来",
            "来电人情绪比较激动，称如果再不解决就要去有关部门上访",
            "来电人称周边好几户邻居都有同样的情况，大家委托其统一反映",
            "来电人可以提供现场照片和视频，希望工作人员到现场时提前电话联系",
            "来电人白天上班不方便接电话，请在晚上六点以后回访",
            "来电人要求对其个人信息保密，不要透露给被反映对象");

    private static final List<String> OPENERS = List.of("市民来电反映：", "来电人称，", "市民反映，", "来电反映：", "");

    /** Repeat callers of the history variant: one pool for every seed (history and intake share it). */
    static final int HISTORY_CALLERS = 50_000;
    private static final long HISTORY_CALLER_POOL = 0x12345_0000_0000L;

    private final long seed;
    private final int repeatCallers;
    /** Null: the original addresses (a dozen real roads per district) and a per-seed pool of repeat callers. */
    private final Places places;

    public IntakeGenerator(long seed, int repeatCallers) {
        this(seed, repeatCallers, null);
    }

    private IntakeGenerator(long seed, int repeatCallers, Places places) {
        this.seed = seed;
        this.repeatCallers = repeatCallers;
        this.places = places;
    }

    /** The history benchmark's generator: {@link Places#catalogue()} addresses, {@value #HISTORY_CALLERS} shared repeat callers. */
    public static IntakeGenerator forHistory(long seed) {
        return new IntakeGenerator(seed, HISTORY_CALLERS, Places.catalogue());
    }

    /** The {@code n}-th record as a JSON object (the intake request body). */
    public String json(long n) {
        Map<String, Object> r = record(n);
        StringBuilder sb = new StringBuilder(512).append('{');
        r.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('"').append(k).append("\":");
            if (v instanceof String s) {
                sb.append('"').append(escape(s)).append('"');
            } else {
                sb.append(v);
            }
        });
        return sb.append('}').toString();
    }

    /** The {@code n}-th record's fields, in request order. */
    public Map<String, Object> record(long n) {
        Random rnd = new Random(seed * 0x9E3779B97F4A7C15L + n);
        Map<String, Object> r = new LinkedHashMap<>();
        // 40 % of calls come from a small pool of repeat callers, the rest from (almost always) new numbers.
        long poolSeed = places == null ? seed : HISTORY_CALLER_POOL;
        r.put("callerPhone", rnd.nextInt(100) < 40 ? phone(new Random(poolSeed + rnd.nextInt(repeatCallers))) : phone(rnd));
        if (rnd.nextInt(100) < 60) {
            r.put("callerName", SURNAMES.get(rnd.nextInt(SURNAMES.size())) + (rnd.nextBoolean() ? "先生" : "女士"));
        }
        if (rnd.nextInt(100) < 5) {
            r.put("confidential", true);
        }
        int ch = rnd.nextInt(100);
        r.put("channel", ch < 75 ? "PHONE" : ch < 88 ? "WECHAT" : ch < 95 ? "APP" : "WEB");
        int d = rnd.nextInt(DISTRICTS.size());
        String district = DISTRICTS.get(d);
        if (rnd.nextInt(100) < 12) {
            r.put("type", "INQUIRY");
            r.put("district", district);
            r.put("content", fit(INQUIRIES.get(rnd.nextInt(INQUIRIES.size())) + "，已告知相关政策和办理渠道。", rnd));
            r.put("category", "政策咨询");
            return r;
        }
        Problem p = PROBLEMS.get(rnd.nextInt(PROBLEMS.size()));
        String address = places == null ? address(d, rnd) : places.address(d, rnd);
        r.put("type", p.type());
        r.put("district", district);
        r.put("address", address);
        StringBuilder c = new StringBuilder(OPENERS.get(rnd.nextInt(OPENERS.size())));
        c.append(rnd.nextBoolean() ? "其住在" + district + address + "，" : "");
        c.append(p.what().get(rnd.nextInt(p.what().size()))).append('。');
        int details = 1 + rnd.nextInt(p.detail().size());
        int start = rnd.nextInt(p.detail().size());
        for (int i = 0; i < details; i++) {
            c.append(p.detail().get((start + i) % p.detail().size())).append('。');
        }
        // Some callers tell more: when it started, what they already tried, how to reach them.
        int extras = rnd.nextInt(100) < 50 ? 0 : 1 + rnd.nextInt(EXTRAS.size());
        int from = rnd.nextInt(EXTRAS.size());
        for (int i = 0; i < extras; i++) {
            c.append(EXTRAS.get((from + i) % EXTRAS.size())).append('。');
        }
        c.append(p.ask().get(rnd.nextInt(p.ask().size()))).append('。');
        r.put("content", fit(c.toString(), rnd));
        r.put("category", p.category());
        if (p.type().equals("HELP") && rnd.nextInt(100) < 10) {
            r.put("urgent", true);
        }
        return r;
    }

    /** Mobile number 1[3-9]x + 8 digits (11 digits in all). */
    static String phone(Random rnd) {
        return PREFIXES.get(rnd.nextInt(PREFIXES.size())) + String.format("%08d", rnd.nextInt(100_000_000));
    }

    static String address(int district, Random rnd) {
        List<String> roads = ROADS.get(district);
        String road = roads.get(rnd.nextInt(roads.size())) + (1 + rnd.nextInt(299)) + "号";
        String estate = ESTATES.get(rnd.nextInt(ESTATES.size())) + ESTATE_SUFFIXES.get(rnd.nextInt(ESTATE_SUFFIXES.size()));
        return switch (rnd.nextInt(4)) {
            case 0 -> road;
            case 1 -> road + estate;
            default -> road + estate + (1 + rnd.nextInt(40)) + "幢" + (1 + rnd.nextInt(3)) + "单元" + (1 + rnd.nextInt(18))
                    + "0" + (1 + rnd.nextInt(4)) + "室";
        };
    }

    /**
     * Generated place names per district for the history benchmark: {@value #ROADS_PER_DISTRICT} roads and
     * {@value #ESTATES_PER_DISTRICT} estates (小区), each a two-character name plus a kind word (锦枫路, 翠岭东路,
     * 紫霞花园, 云栖苑). The service keys a place by the last two name characters plus the kind word, so each name is
     * its own key ({@code 崇川区:紫霞花园}, {@code 崇川区:锦枫路}, {@code 崇川区:紫霞花园3幢}, {@code 崇川区:锦枫路88号}).
     * The characters avoid everything the service's address parser treats specially (district names, 镇/村/街/区,
     * numerals, directions, filler words, the kind words themselves), so every name parses back as itself.
     * Picks are skewed (index = size × u²): a few busy roads and large estates get many more calls than the rest.
     * Deterministic: the same catalogue in every JVM.
     */
    public static final class Places {
        static final int ROADS_PER_DISTRICT = 1000;
        static final int ESTATES_PER_DISTRICT = 2000;
        private static final String NAME_CHARS = "锦绣翠嘉瑞祥福泰康宁和兴盛隆丰德润泽鑫金银玉晨曦星月阳光春秋枫桂兰梅竹松柏荷莲芳馨"
                + "雅静怡悦欣美丽佳豪君御富贵龙凤鹏飞腾达江湖滨洲岛山峰岭石云霞虹彩景紫琅濠文书香平安";
        private static final List<String> ROAD_KINDS = List.of("路", "路", "路", "路", "大道", "街", "巷", "东路", "西路",
                "南路", "北路", "中路");
        private static final List<String> ESTATE_KINDS = List.of("花园", "小区", "新村", "家园", "苑", "公寓", "华庭", "名都");
        private static final Places CATALOGUE = new Places();

        private final List<List<String>> roads = new ArrayList<>();
        private final List<List<String>> estates = new ArrayList<>();

        private Places() {
            for (int d = 0; d < DISTRICTS.size(); d++) {
                Random rnd = new Random(7919L * (d + 1));
                roads.add(names(rnd, ROAD_KINDS, ROADS_PER_DISTRICT));
                estates.add(names(rnd, ESTATE_KINDS, ESTATES_PER_DISTRICT));
            }
        }

        public static Places catalogue() {
            return CATALOGUE;
        }

        /** Roads of district {@code d} (index into {@link #DISTRICTS}), most called first. */
        public List<String> roads(int d) {
            return roads.get(d);
        }

        /** Estates of district {@code d}, most called first. */
        public List<String> estates(int d) {
            return estates.get(d);
        }

        /** Same shapes and shares as {@link IntakeGenerator#address}: road + 号, + estate, + 幢/单元/室. */
        String address(int district, Random rnd) {
            String road = pick(roads(district), rnd) + (1 + rnd.nextInt(299)) + "号";
            String estate = pick(estates(district), rnd);
            return switch (rnd.nextInt(4)) {
                case 0 -> road;
                case 1 -> road + estate;
                default -> road + estate + (1 + rnd.nextInt(40)) + "幢" + (1 + rnd.nextInt(3)) + "单元"
                        + (1 + rnd.nextInt(18)) + "0" + (1 + rnd.nextInt(4)) + "室";
            };
        }

        private static String pick(List<String> names, Random rnd) {
            double u = rnd.nextDouble();
            return names.get((int) (names.size() * u * u));
        }

        private static List<String> names(Random rnd, List<String> kinds, int count) {
            Set<String> out = new LinkedHashSet<>();
            while (out.size() < count) {
                char a = NAME_CHARS.charAt(rnd.nextInt(NAME_CHARS.length()));
                char b = NAME_CHARS.charAt(rnd.nextInt(NAME_CHARS.length()));
                if (a != b) {
                    out.add("" + a + b + kinds.get(rnd.nextInt(kinds.size())));
                }
            }
            return List.copyOf(out);
        }
    }

    /** Keeps content within 30–300 characters, padding with an agent's closing remark when short. */
    private static String fit(String s, Random rnd) {
        String out = s;
        if (out.length() < 30) {
            out = out + "来电人希望尽快得到处理结果，并留下联系电话以便回访。";
        }
        if (out.length() > 300) {
            out = out.substring(0, 299) + "。";
        }
        return out;
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    /** Prints sample records and statistics: content length range, type mix, distinct numbers. */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 12345;
        IntakeGenerator g = args.length > 2 && args[2].equals("history") ? forHistory(seed) : new IntakeGenerator(seed, 500);
        int min = Integer.MAX_VALUE;
        int max = 0;
        Map<Object, Integer> types = new java.util.TreeMap<>();
        java.util.Set<Object> phones = new java.util.HashSet<>();
        java.util.regex.Pattern mobile = java.util.regex.Pattern.compile("1[3-9]\\d{9}");
        int stats = Math.max(count, 10_000);
        for (long i = 0; i < stats; i++) {
            Map<String, Object> r = g.record(i);
            int len = ((String) r.get("content")).length();
            min = Math.min(min, len);
            max = Math.max(max, len);
            types.merge(r.get("type"), 1, Integer::sum);
            phones.add(r.get("callerPhone"));
            if (!mobile.matcher((String) r.get("callerPhone")).matches()) {
                throw new IllegalStateException("bad phone " + r.get("callerPhone"));
            }
            if (i < count) {
                System.out.println(g.json(i));
            }
        }
        System.out.printf("%d records: content %d-%d characters, types %s, %d distinct phone numbers%n",
                stats, min, max, types, phones.size());
    }
}
