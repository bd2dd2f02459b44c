package cn.nantong.hotline.repeat;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;

/** Content words of a text (smartcn segmentation) and the overlap of two such word sets. */
final class TextTokens {

    /** One shared analyzer: building smartcn's dictionaries is the expensive part, reuse is thread-safe. */
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new HMMChineseTokenizer());
        }
    };

    /** Words that occur in nearly every call and would make unrelated reports look alike. */
    private static final Set<String> STOP = Set.of("我们", "你们", "他们", "一个", "这个", "那个", "已经", "现在",
            "没有", "什么", "怎么", "可以", "不是", "还是", "就是", "一直", "时候", "问题", "反映", "来电", "市民",
            "部门", "相关", "要求", "希望", "请求", "处理", "解决", "到底", "一下", "根本", "这样", "这么", "那么",
            "知道", "今天", "昨天", "上次", "之前", "以后", "有人", "不能", "能不能", "多久", "还有", "照样", "依然");

    private TextTokens() {
    }

    static Set<String> of(String text) {
        Set<String> words = new HashSet<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        try (TokenStream ts = ANALYZER.tokenStream("t", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String w = term.toString();
                if (w.length() >= 2 && Character.isIdeographic(w.codePointAt(0)) && !STOP.contains(w)) {
                    words.add(w);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /** Cosine of two word sets: 1 for the same words, 0 for none shared. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String w : small) {
            shared += large.contains(w) ? 1 : 0;
        }
        return shared / Math.sqrt((double) a.size() * b.size());
    }
}
