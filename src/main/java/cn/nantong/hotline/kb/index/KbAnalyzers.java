package cn.nantong.hotline.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.List;
import java.util.Map;

/**
 * Every analyzer of the 热线百科 index, built in one place.
 *
 * <p>Two views of each text: smartcn words (precise) and CJK bigrams (recall for words smartcn splits
 * differently, typos and words it has never seen). Synonyms are not an analysis step: see
 * {@link SynonymExpander}.
 */
public final class KbAnalyzers {

    /**
     * Function words and call filler. smartcn's own stop set is only punctuation; these words occur in
     * nearly every rambling question and would otherwise drown the words that carry the matter.
     */
    static final CharArraySet STOP_WORDS = new CharArraySet(List.of(
            "的", "了", "吗", "呢", "啊", "吧", "呀", "嘛", "哦", "哈", "么", "着", "过", "和", "与", "及", "或",
            "我", "我们", "你", "你们", "您", "他", "她", "它", "他们", "咱", "俺", "自己", "人家",
            "是", "在", "有", "也", "都", "就", "还", "又", "很", "太", "挺", "才", "把", "被", "给", "让", "对",
            "这", "那", "这个", "那个", "这样", "那样", "这种", "那种", "一个", "一下", "一些", "有点", "有些",
            "怎么", "怎样", "怎么样", "怎么办", "如何", "什么", "啥", "哪", "哪里", "哪儿", "哪个", "哪些", "多少",
            "为什么", "为啥", "是否", "能否", "可否", "能不能", "可不可以", "可以", "能", "会", "要", "想", "需要",
            "请问", "你好", "您好", "麻烦", "问", "问一下", "请", "谢谢", "一下子", "然后", "但是", "因为", "所以",
            "如果", "的话", "现在", "已经", "今天", "之前", "以后", "时候", "是不是", "有没有", "去", "来", "到",
            "说", "搞", "弄", "做", "上", "下", "里", "中", "得", "地", "之", "其", "该", "个",
            ",", "。", "？", "！", "、", "；", "：", "?", "!", ",", ".", ";", ":", "\"", "'", "“", "”", "（", "）", "(", ")"
    ), false);

    /** Title and keywords: what the entry is about. */
    public static final String HEAD = "head";
    public static final String BODY = "body";
    public static final String HEAD_BIGRAMS = "head_bi";
    public static final String BODY_BIGRAMS = "body_bi";

    private final Analyzer analyzer;

    private KbAnalyzers(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    public static KbAnalyzers create() {
        Analyzer words = words(STOP_WORDS);
        Analyzer bigrams = bigrams();
        Map<String, Analyzer> perField = Map.of(HEAD_BIGRAMS, bigrams, BODY_BIGRAMS, bigrams);
        return new KbAnalyzers(new PerFieldAnalyzerWrapper(words, perField));
    }

    /** The same analysis for documents and questions, per field. */
    public Analyzer perField() {
        return analyzer;
    }

    /** smartcn words, full-width folded, lower-cased, without {@code stopWords}; shared with the routing index. */
    public static Analyzer words(CharArraySet stopWords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream ts = new CJKWidthFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new StopFilter(ts, stopWords);
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    /** Overlapping CJK bigrams: recall for words smartcn splits differently; shared with the routing index. */
    public static Analyzer bigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream ts = new CJKWidthFilter(source);
                ts = new LowerCaseFilter(ts);
                ts = new CJKBigramFilter(ts);
                return new TokenStreamComponents(source, ts);
            }
        };
    }
}
