package cn.nantong.hotline.repeat;

import cn.nantong.hotline.kb.index.SegmentedText;

import java.util.HashSet;
import java.util.Set;

/** Content words of a text (its smartcn words of two or more characters) and the overlap of two such word sets. */
final class TextTokens {

    /** Words that occur in nearly every call and would make unrelated reports look alike. */
    private static final Set<String> STOP = Set.of("我们", "你们", "他们", "一个", "这个", "那个", "已经", "现在",
            "没有", "什么", "怎么", "可以", "不是", "还是", "就是", "一直", "时候", "问题", "反映", "来电", "市民",
            "部门", "相关", "要求", "希望", "请求", "处理", "解决", "到底", "一下", "根本", "这样", "这么", "那么",
            "知道", "今天", "昨天", "上次", "之前", "以后", "有人", "不能", "能不能", "多久", "还有", "照样", "依然");

    private TextTokens() {
    }

    static Set<String> of(SegmentedText text) {
        Set<String> words = new HashSet<>();
        for (SegmentedText.Word word : text.words()) {
            String w = word.text();
            if (w.length() >= 2 && Character.isIdeographic(w.codePointAt(0)) && !STOP.contains(w)) {
                words.add(w);
            }
        }
        return words;
    }

    /** Cosine of two word sets: 1 for the same words, 0 for none shared. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return overlap(a, b) / Math.sqrt((double) a.size() * b.size());
    }

    /** How many strings the two sets share, without building their intersection. */
    static int overlap(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String w : small) {
            shared += large.contains(w) ? 1 : 0;
        }
        return shared;
    }
}
