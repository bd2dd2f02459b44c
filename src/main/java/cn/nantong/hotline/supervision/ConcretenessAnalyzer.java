package cn.nantong.hotline.supervision;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a reply says anything concrete: an action taken, a result or finding, a time, a named
 * responsible unit or person. Statements about the future, campaign statistics and the caller's own call date
 * are not evidence, because empty replies are padded with exactly those.
 */
final class ConcretenessAnalyzer {

    /** The kinds of concrete content a reply can carry; actions and results weigh double. */
    enum Evidence {
        ACTION("具体处置措施", 2),
        RESULT("处理结果或核查结论", 2),
        GUIDANCE("具体办理指引", 2),
        QUANTITY("具体数量或金额", 1),
        TIME("时间节点", 1),
        RESPONSIBLE("具体责任单位或人员", 1);

        final String label;
        final int weight;

        Evidence(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    /** What the reply contains and which empty phrases it leans on. */
    record Assessment(Set<Evidence> evidence, List<String> emptyPhrases) {
        int score() {
            return evidence.stream().mapToInt(e -> e.weight).sum();
        }
    }

    /** A reply needs this much evidence: one action or result, or a time together with a named party. */
    static final int CONCRETE_SCORE = 2;

    private static final Pattern ACTION = Pattern.compile("现场|实地|到场|检查|核查|查看|排查|约谈|立案|处罚|罚款|查处(?!理)"
            + "|查封|扣押|没收|责令|下达|维修|修复|更换|清理|清运|清洗|清扫|疏通|拆除|补装|安装|抢修|检测|检定|取样|抽样|送检"
            + "|测得|监测|调解|垫付|补发|发放|退款|退还|赔偿|封停|停工|停业|打捞|冲洗|消毒|扑灭|补植|复查|复检|复测|设卡"
            + "|开启|补缴|封堵|抽运|协调会|警戒线|铣刨|冷补|张贴|公布|增设|开通|延长"
            + "|批评教育|诫勉|通报批评|处分|辞退|致歉|道歉|退回|冻结|走访");

    /** "处理完毕" alone says nothing about what was done, so it is not a result. */
    private static final Pattern RESULT = Pattern.compile("恢复|(?<!处理|办理)完毕|到位|到账|已消除|已完成|完成|合格|达成"
            + "|符合|超标|超过|属实|检出|查获|未发现|不存在|原因为|所致|导致|系[^，,。]{1,20}(?:所为|行为|造成|引起)|同意"
            + "|确(?:有|在|系|存在|于|已)|表示(?:满意|认可)");

    private static final Pattern GUIDANCE = Pattern.compile("可通过|可携带|携带|可到|可前往|登录|自助办理|现场办理|网上办理"
            + "|线上办理|所需材料|需提供|需携带|办理流程|窗口");

    private static final Pattern QUANTITY = Pattern.compile("\\d+(?:\\.\\d+)?(?:万|余)?(?:元|吨|公斤|立方米|平方米|米|台|辆"
            + "|处|棵|名|人|盒|块|分贝|兆帕|ntu|%|倍|个断面)", Pattern.CASE_INSENSITIVE);

    /** Deadlines and dates of actions; the caller's own call date is filtered separately. */
    private static final Pattern TIME = Pattern.compile("(?:\\d{4}年)?\\d{1,2}月(?:\\d{1,2}[日号])?(?:\\d{1,2}[时点]"
            + "(?:\\d{1,2}分)?)?|\\d{1,2}[日号](?:\\d{1,2}[时点](?:\\d{1,2}分)?)?|\\d{1,2}[时点](?:\\d{1,2}分|半)?|\\d{4}年"
            + "|[\\d一二两三四五六七八九十]+个?(?:工作日|日|天|小时)内|本周[一二三四五六日]?前|月底|当天|当日|次日"
            + "|今天|今日|明天|明日");

    private static final Pattern CALL_DATE_CONTEXT = Pattern.compile("^[^，,。]{0,6}?(?:来电|反映|致电|投诉|来信|提交|拨打)");

    private static final Pattern STRICT_PHONE = Pattern.compile("0\\d{2,3}-\\d{7,8}|(?<!\\d)1[3-9]\\d{9}(?!\\d)"
            + "|电话[：:]?\\d{7,8}");

    /** "X区城管局执法中队", "质监站", "石港镇政府": a unit with its own name, not "相关部门" or "属地街道". */
    private static final Pattern UNIT = Pattern.compile("([\\u4e00-\\u9fa5]{2,14}?)(?:局(?!部|面|势)|中队|大队|支队|科(?!学|技)"
            + "|所(?!致|为|在|有|以|属|得|述)|站(?!台|点|牌)|中心|公司|办公室|管理处|政府|街道|社区|居委会|村委会|集团)");

    private static final Pattern GENERIC_UNIT = Pattern.compile("相关|有关|属地|职能|责任|主管|辖区|当地|对应|多个|各级|我"
            + "|上级|该|会同|联合|协调|组织|所在|本|各|转|交");

    private static final Pattern CONTACT = Pattern.compile("(?:联系人|经办人|负责人|承办人)[：:][\\u4e00-\\u9fa5]{2,4}");

    /** Future tense, conditions and pledges: the clause promises, it does not report. */
    private static final Pattern NOT_DONE = Pattern.compile("将(?=进一步|依法|及时|在|于|尽快|持续|加强|加大|届时|认真|按照"
            + "|会同|组织|安排|继续|根据|严格|密切|积极|做好|适时|全力|切实|转交|移交|交由|予以|协调|研究|督促|跟踪|反馈"
            + "|告知|核实|调查|处理|视情|采取)|会(?!同|议|商|签)|拟|待|如情况|若|正在|尽快|进一步"
            + "|加强|加大|持续|坚决|严厉|切实|认真研究|依法依规|妥善|积极|力争|争取|计划|要求");

    /** A sentence of totals over a period is about the department's record, not about this complaint. */
    private static final Pattern STATISTICS = Pattern.compile("累计|以来|年共|全年|近年|历年");

    private static final List<String> EMPTY_PHRASES = List.of("高度重视", "十分重视", "非常重视", "已收悉", "已知悉",
            "已收到", "相关部门", "相关单位", "相关科室", "属地部门", "有关部门", "正在处理", "处理中", "调查核实中",
            "进一步加强", "加大", "持续跟进", "耐心等待", "认真研究", "依法依规", "妥善处理", "切实维护", "严厉打击",
            "坚决杜绝", "法定期限内", "及时告知", "及时反馈", "处理完毕");

    Assessment assess(String replyText) {
        String text = ReplyText.withoutCourtesy(ReplyText.canonical(replyText));
        Set<Evidence> found = EnumSet.noneOf(Evidence.class);
        for (String sentence : ReplyText.sentences(text)) {
            if (STATISTICS.matcher(sentence).find()) {
                continue;
            }
            for (String clause : sentence.split("[，,、]")) {
                boolean done = !NOT_DONE.matcher(clause).find();
                if (done && ACTION.matcher(clause).find()) {
                    found.add(Evidence.ACTION);
                }
                if (done && RESULT.matcher(clause).find()) {
                    found.add(Evidence.RESULT);
                }
            }
            if (QUANTITY.matcher(sentence).find()) {
                found.add(Evidence.QUANTITY);
            }
            if (hasActionTime(sentence)) {
                found.add(Evidence.TIME);
            }
            if (namesResponsible(sentence)) {
                found.add(Evidence.RESPONSIBLE);
            }
        }
        if (countMatches(GUIDANCE, text) >= 2) {
            found.add(Evidence.GUIDANCE);
        }
        List<String> empty = new ArrayList<>();
        for (String phrase : EMPTY_PHRASES) {
            if (text.contains(phrase)) {
                empty.add(phrase);
            }
        }
        return new Assessment(found, empty);
    }

    private static boolean hasActionTime(String sentence) {
        Matcher time = TIME.matcher(sentence);
        while (time.find()) {
            boolean callersOwnDate = sentence.startsWith("您于", Math.max(0, time.start() - 2))
                    || CALL_DATE_CONTEXT.matcher(sentence.substring(time.end())).find();
            if (!callersOwnDate) {
                return true;
            }
        }
        return false;
    }

    private static boolean namesResponsible(String sentence) {
        if (ReplyText.mentionsPerson(sentence) || STRICT_PHONE.matcher(sentence).find()
                || CONTACT.matcher(sentence).find()) {
            return true;
        }
        Matcher unit = UNIT.matcher(sentence);
        while (unit.find()) {
            String prefix = unit.group(1);
            if (!GENERIC_UNIT.matcher(prefix.substring(Math.max(0, prefix.length() - 3))).find()) {
                return true;
            }
        }
        return false;
    }

    private static int countMatches(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
