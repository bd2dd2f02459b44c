package cn.nantong.hotline.supervision;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Text preparation shared by the near-copy and the vagueness rules: removing courtesy sentences and masking
 * the details (dates, numbers, phones, people, places) that a copy-paster edits when reusing a reply.
 */
final class ReplyText {

    /** Surnames common enough that "<surname>科长" or "<surname>某" is almost always a person reference. */
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            + "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
            + "覃武戴莫孔向汤倪缪季施瞿葛";
    private static final BitSet SURNAME_CHARS = SURNAMES.chars().collect(BitSet::new, BitSet::set, BitSet::or);

    /** Longest first, so that "某某" wins over "某". "工" (engineer) is handled apart: it needs a clause end. */
    private static final List<String> TITLES = List.of("某某", "先生", "女士", "队长", "科长", "主任", "所长", "站长", "经理",
            "书记", "师傅", "警官", "局长", "处长", "老师", "某");
    private static final String AFTER_ENGINEER = "，,。；;：: 电";

    /** The city's districts: fixed domain knowledge, the part of a copied reply most often edited. */
    private static final List<String> DISTRICTS = List.of("崇川", "通州", "海门", "海安", "如皋", "如东", "启东");
    private static final String DATE_UNITS = "年月日号时点分";
    /** Decimal points and the dash of "0513-8xxxxxxx" keep a number in one piece. */
    private static final String NUMBER_JOINERS = ".-";
    private static final List<String> BUILDING_UNITS = List.of("幢", "栋", "室", "单元");
    private static final int PHONE_DIGITS = 7;

    private static final char FULL_WIDTH_FIRST = '\uFF01';
    private static final char FULL_WIDTH_LAST = '\uFF5E';
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;
    private static final char IDEOGRAPHIC_SPACE = '\u3000';

    private static final char PHONE_MASK = '\uE001';
    private static final char DATE_MASK = '\uE002';
    private static final char PERSON_MASK = '\uE003';
    private static final char PLACE_MASK = '\uE004';
    private static final char NUMBER_MASK = '\uE005';

    /**
     * Greetings and thanks that every reply of a department may carry without being a template. The leading
     * look-ahead lets the scan skip most positions on one character test.
     */
    private static final Pattern COURTESY = Pattern.compile("(?=[您你尊感谢如敬请])(?:^(?:您好|你好|尊敬的[^，,！!。]{0,8})[！!，,：:。]?"
            + "|(?:感谢|谢谢)[^。！!；;，,]*[。！!；;，,]?"
            + "|(?:如有疑问|如有问题|如有其他)[^。！!；;]*[。！!；;]?"
            + "|(?:敬请|请您)(?:谅解|理解)[。！!；;]?)");

    private static final Pattern SENTENCE_END = Pattern.compile("[。！!？?；;\\n]+");

    private ReplyText() {
    }

    /**
     * Full-width digits, letters and punctuation to ASCII, so that every pattern sees one form. Only the
     * full-width block needs it in replies typed on Chinese input methods, and a loop is far cheaper than NFKC.
     */
    static String canonical(String text) {
        if (text == null) {
            return "";
        }
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= FULL_WIDTH_FIRST && chars[i] <= FULL_WIDTH_LAST) {
                chars[i] -= FULL_WIDTH_OFFSET;
            } else if (chars[i] == IDEOGRAPHIC_SPACE) {
                chars[i] = ' ';
            }
        }
        return new String(chars).trim();
    }

    /** The reply without greetings and thanks: only what the department actually says about the problem. */
    static String withoutCourtesy(String canonicalText) {
        return COURTESY.matcher(canonicalText).replaceAll("").trim();
    }

    static List<String> sentences(String text) {
        return Arrays.stream(SENTENCE_END.split(text)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** "陈队长", "黄某", "顾工" (only at a clause end, so that "任何工作" is not Mr 何). */
    static boolean mentionsPerson(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (personLengthAt(text, i) > 0) {
                return true;
            }
        }
        return false;
    }

    private static int personLengthAt(String text, int i) {
        if (!SURNAME_CHARS.get(text.charAt(i))) {
            return 0;
        }
        for (String title : TITLES) {
            if (text.startsWith(title, i + 1)) {
                return 1 + title.length();
            }
        }
        boolean engineer = text.startsWith("工", i + 1)
                && (i + 2 == text.length() || AFTER_ENGINEER.indexOf(text.charAt(i + 2)) >= 0);
        return engineer ? 2 : 0;
    }

    /**
     * The form compared between replies: details a copy-paster edits (dates, numbers, phones, people, districts,
     * towns, buildings) are masked and punctuation dropped, so a copy with another date, name or district still
     * reads as the same text. One pass by hand: it runs on every reply compared, where regexes cost ~10 times more.
     */
    static String masked(String canonicalText) {
        String text = canonicalText.toLowerCase();
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                i = maskNumber(text, i, out);
            } else if (isHan(c)) {
                i = maskWord(text, i, out);
            } else {
                if (c >= 'a' && c <= 'z') {
                    out.append(c);
                }
                i++;
            }
        }
        return out.toString();
    }

    /** A digit run becomes a date, phone, building or plain number mask; returns the index after it. */
    private static int maskNumber(String text, int start, StringBuilder out) {
        int end = start;
        int digits = 0;
        while (end < text.length() && (isDigit(text.charAt(end)) || (NUMBER_JOINERS.indexOf(text.charAt(end)) >= 0
                && end + 1 < text.length() && isDigit(text.charAt(end + 1))))) {
            digits += isDigit(text.charAt(end)) ? 1 : 0;
            end++;
        }
        if (end < text.length() && DATE_UNITS.indexOf(text.charAt(end)) >= 0) {
            out.append(DATE_MASK);
            return end + 1;
        }
        if (digits >= PHONE_DIGITS) {
            out.append(PHONE_MASK);
            return end;
        }
        for (String unit : BUILDING_UNITS) {
            if (text.startsWith(unit, end)) {
                out.append(PLACE_MASK);
                return end + unit.length();
            }
        }
        out.append(NUMBER_MASK);
        return end;
    }

    /** A Han character, or the district, person or town name starting at it; returns the index after it. */
    private static int maskWord(String text, int start, StringBuilder out) {
        for (String district : DISTRICTS) {
            if (text.startsWith(district, start)) {
                int end = start + district.length();
                out.append(PLACE_MASK);
                return end < text.length() && "区市县".indexOf(text.charAt(end)) >= 0 ? end + 1 : end;
            }
        }
        int person = personLengthAt(text, start);
        if (person > 0) {
            out.append(PERSON_MASK);
            return start + person;
        }
        int town = text.startsWith("街道", start) ? 2 : "镇乡".indexOf(text.charAt(start)) >= 0 ? 1 : 0;
        boolean townName = town > 0 && !text.startsWith("政府", start + town) && out.length() >= 2
                && isHan(out.charAt(out.length() - 1)) && isHan(out.charAt(out.length() - 2));
        if (townName) {
            out.setLength(out.length() - 2);
            out.append(PLACE_MASK);
            return start + town;
        }
        out.append(text.charAt(start));
        return start + 1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHan(char c) {
        return c >= '\u4e00' && c <= '\u9fa5';
    }
}
