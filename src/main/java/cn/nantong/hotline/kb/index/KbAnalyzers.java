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
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Every analyzer of the 热线百科 index, built in one place.
 *
 * <p>Two views of each text: smartcn words (precise, and where caller-to-official synonyms apply) and CJK
 * bigrams (recall for words smartcn splits differently, typos and words it has never seen). Synonyms are
 * applied at query time only, so editing the synonym list never needs a re-index.
 */
public final class KbAnalyzers {

    private static final Logger LOG = Logger.getLogger(KbAnalyzers.class);

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

    public static final String TITLE = "title";
    public static final String KEYWORDS = "keywords";
    public static final String BODY = "body";
    public static final String TITLE_BIGRAMS = "title_bi";
    public static final String KEYWORDS_BIGRAMS = "keywords_bi";
    public static final String BODY_BIGRAMS = "body_bi";

    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;
    private final int synonymTerms;
    private final int skippedSynonymLines;

    private KbAnalyzers(Analyzer indexAnalyzer, Analyzer queryAnalyzer, int synonymTerms, int skippedSynonymLines) {
        this.indexAnalyzer = indexAnalyzer;
        this.queryAnalyzer = queryAnalyzer;
        this.synonymTerms = synonymTerms;
        this.skippedSynonymLines = skippedSynonymLines;
    }

    /**
     * @param synonymSources Solr-format synonym texts ({@code a,b,c} per line, {@code #} comments); a line that
     *                       cannot be analysed is logged and skipped so one bad line never disables search.
     */
    public static KbAnalyzers create(List<String> synonymSources) {
        Analyzer words = words(null, true);
        Analyzer bigrams = bigrams();
        // Synonym phrases are matched before stop words go, so "被狗咬" keeps its "被" while matching.
        int[] skipped = new int[1];
        SynonymMap synonyms = parseSynonyms(synonymSources, words(null, false), skipped);
        Analyzer wordsWithSynonyms = synonyms.fst == null ? words : words(synonyms, true);
        Map<String, Analyzer> indexFields = Map.of(TITLE_BIGRAMS, bigrams, KEYWORDS_BIGRAMS, bigrams, BODY_BIGRAMS, bigrams);
        Analyzer index = new PerFieldAnalyzerWrapper(words, indexFields);
        Analyzer query = new PerFieldAnalyzerWrapper(wordsWithSynonyms, indexFields);
        return new KbAnalyzers(index, query, synonyms.words.size(), skipped[0]);
    }

    public Analyzer index() {
        return indexAnalyzer;
    }

    public Analyzer query() {
        return queryAnalyzer;
    }

    /** How many distinct synonym terms were loaded; reported at start so a broken list is noticed. */
    public int synonymTerms() {
        return synonymTerms;
    }

    /** Synonym lines that could not be analysed (logged with the reason) and so do nothing. */
    public int skippedSynonymLines() {
        return skippedSynonymLines;
    }

    /**
     * The synonym texts for a knowledge-base folder: the list shipped inside the service (so any folder gets
     * caller-to-official mappings), plus the folder's own {@code synonyms.txt} when it has one.
     */
    public static List<String> synonymSources(Path folder) throws IOException {
        List<String> sources = new ArrayList<>();
        try (InputStream in = KbAnalyzers.class.getResourceAsStream("/kb-default/synonyms.txt")) {
            if (in != null) {
                sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path own = folder.resolve("synonyms.txt");
        if (Files.isRegularFile(own)) {
            sources.add(Files.readString(own));
        }
        return sources;
    }

    private static Analyzer words(SynonymMap synonyms, boolean dropStopWords) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new HMMChineseTokenizer();
                TokenStream ts = new CJKWidthFilter(source);
                ts = new LowerCaseFilter(ts);
                if (synonyms != null) {
                    ts = new SynonymGraphFilter(ts, synonyms, true);
                }
                if (dropStopWords) {
                    ts = new StopFilter(ts, STOP_WORDS);
                }
                return new TokenStreamComponents(source, ts);
            }
        };
    }

    private static Analyzer bigrams() {
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

    private static SynonymMap parseSynonyms(List<String> sources, Analyzer analyzer, int[] skippedOut) {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        int skipped = 0;
        for (String source : sources) {
            for (String line : source.split("\\R")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                try {
                    parser.parse(new StringReader(trimmed));
                } catch (Exception e) {
                    skipped++;
                    LOG.warnf("Synonym line skipped (%s): %s",
                            e.getCause() != null ? e.getCause().getMessage() : e.getMessage(), trimmed);
                }
            }
        }
        if (skipped > 0) {
            LOG.warnf("%d synonym lines could not be analysed and were skipped", skipped);
        }
        skippedOut[0] = skipped;
        try {
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
