package cn.nantong.hotline.dispatch;

import cn.nantong.hotline.kb.index.KbAnalyzers;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Field names, document kinds and text analysis of the routing index: smartcn words, plus CJK bigrams for place
 * names and words smartcn has never seen.
 */
final class RoutingSchema {

    /** Upsert key: {@code t:<ticket>}, {@code r:<ticket>:<department>} or {@code k:<entry>}. */
    static final String KEY = "key";
    static final String DEPT = "dept";
    static final String CATEGORY = "cat";
    static final String TITLE = "title";

    /** What a document is evidence of; its text goes to fields of its own kind (see {@link #words(String)}). */
    static final String HANDLED = "handled";
    static final String RETURNED = "returned";
    static final String KB = "kb";
    private static final List<String> KINDS = List.of(HANDLED, RETURNED, KB);

    /**
     * Words every caller uses whatever the matter: function words, politeness and the verbs of complaining. Left in,
     * they make unrelated tickets look alike and let the busiest department win every vote.
     */
    private static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "的", "了", "吗", "呢", "啊", "吧", "呀", "嘛", "哦", "么", "着", "过", "和", "与", "及", "或", "跟",
            "我", "我们", "你", "你们", "您", "他", "她", "它", "他们", "她们", "咱们", "自己", "大家", "我家", "家里",
            "是", "在", "有", "也", "都", "就", "还", "又", "很", "太", "挺", "才", "把", "被", "给", "让", "对", "从",
            "这", "那", "这个", "那个", "这样", "那样", "这种", "那种", "一个", "一下", "一些", "有点", "有些",
            "怎么", "怎样", "怎么样", "怎么办", "如何", "什么", "啥", "哪", "哪里", "哪个", "哪些", "多少", "为什么",
            "是否", "能否", "能不能", "可不可以", "可以", "能", "会", "要", "想", "需要", "不", "没", "没有", "不是",
            "请问", "你好", "您好", "麻烦", "请", "谢谢", "然后", "但是", "因为", "所以", "如果", "的话", "现在",
            "已经", "一直", "还是", "是不是", "有没有", "去", "来", "到", "说", "上", "下", "里", "中", "得", "地",
            "反映", "投诉", "举报", "希望", "帮忙", "处理", "解决", "问题", "情况", "部门", "相关", "有关", "尽快",
            "一下子", "到底", "根本", "目前", "最近", "之前", "以后", "时候", "每次", "几次", "好几",
            "，", "。", "？", "！", "、", "；", "：", "?", "!", ",", ".", ";", ":", "\"", "'", "“", "”", "（", "）",
            "(", ")"), false);

    private RoutingSchema() {
    }

    /**
     * The words field of a kind. Each kind has its own index and its own field names, so a search touches only its
     * own, small term dictionary, similarity is judged against its own corpus, and a document can never answer a
     * search of another kind.
     */
    static String words(String kind) {
        return "w_" + kind;
    }

    static String bigrams(String kind) {
        return "bi_" + kind;
    }

    /** Whether the words analysis drops this (already folded and lower-cased) word. */
    static boolean isStopWord(String word) {
        return STOP_WORDS.contains(word);
    }

    /** The same analysis for what is learned and what is asked, chosen by field name. */
    static Analyzer analyzer() {
        Analyzer bigrams = KbAnalyzers.bigrams();
        return new PerFieldAnalyzerWrapper(KbAnalyzers.words(STOP_WORDS),
                KINDS.stream().collect(Collectors.toMap(RoutingSchema::bigrams, k -> bigrams)));
    }
}
