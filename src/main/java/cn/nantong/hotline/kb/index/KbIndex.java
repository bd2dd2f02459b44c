package cn.nantong.hotline.kb.index;

import cn.nantong.hotline.kb.KbDocument;
import cn.nantong.hotline.kb.MarkdownText;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Lucene index of the 热线百科: the only owner of its {@link IndexWriter} and {@link SearcherManager}.
 * Plain Java so that benchmarks and unit tests use exactly the search the service runs.
 *
 * <p>The index lives in memory and is rebuilt from the database at start: the database is the source of
 * truth, and a 10,000-entry rebuild takes seconds, which is cheaper than keeping two stores consistent.
 */
public final class KbIndex implements Closeable {

    /** Text longer than this is cut before analysis: a caller's story past it adds noise, not signal. */
    public static final int MAX_QUERY_CHARS = 500;

    /**
     * Title and keywords say what an entry is about, the body only mentions things; whole words say more
     * than bigrams. Tuned with SearchQualityBench: results held within ±0.02 MRR over a wide range of
     * weights, so these are not fitted to one query set. Fixed order: stable scores.
     */
    private static final List<Map.Entry<String, Float>> FIELD_BOOSTS = List.of(
            Map.entry(KbAnalyzers.TITLE, 2.0f),
            Map.entry(KbAnalyzers.KEYWORDS, 2.0f),
            Map.entry(KbAnalyzers.BODY, 1.5f),
            Map.entry(KbAnalyzers.TITLE_BIGRAMS, 1.0f),
            Map.entry(KbAnalyzers.KEYWORDS_BIGRAMS, 1.0f),
            Map.entry(KbAnalyzers.BODY_BIGRAMS, 1.0f));

    private static final FieldType HIGHLIGHTED_BODY = highlightedBodyType();

    /** Synonym expansions count less than the caller's own words: they widen, the words decide. */
    private static final float EXPANSION_WEIGHT = 0.5f;
    /** Expansions are whole official terms, so word fields suffice; bigrams of them would only triple the clauses. */
    private static final List<Map.Entry<String, Float>> EXPANSION_FIELDS = FIELD_BOOSTS.subList(0, 3);

    private final KbAnalyzers analyzers;
    private final SynonymExpander synonyms;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final QueryBuilder queryBuilder;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

    public KbIndex(SynonymExpander synonyms) {
        this.analyzers = KbAnalyzers.create();
        this.synonyms = synonyms;
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField()).setSimilarity(new BM25Similarity());
            this.writer = new IndexWriter(new ByteBuffersDirectory(), config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.queryBuilder = new QueryBuilder(analyzers.perField());
        // Long rambling questions expand to many term clauses across six fields.
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 8192));
    }

    /** Adds or replaces entries; visible to searches when this returns. */
    public void upsert(Collection<KbDocument> docs) {
        try {
            for (KbDocument doc : docs) {
                writer.updateDocument(new Term("id", doc.id()), toLucene(doc));
                titles.put(doc.id(), doc.title());
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes entries (retired); invisible to searches when this returns. */
    public void remove(Collection<String> ids) {
        try {
            for (String id : ids) {
                writer.deleteDocuments(new Term("id", id));
                titles.remove(id);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return titles.size();
    }

    /**
     * Ranks entries for a caller's question. Any text is safe: it is analysed, never parsed as query syntax.
     *
     * @param category   only this category, or null
     * @param department only this department code, or null
     */
    public SearchResult search(String text, int limit, String category, String department) {
        String cut = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        Query matter = matterQuery(cut);
        if (matter == null) {
            return new SearchResult(0, List.of());
        }
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(matter, Occur.MUST);
        if (category != null) {
            filtered.add(new TermQuery(new Term("category", category)), Occur.FILTER);
        }
        if (department != null) {
            filtered.add(new TermQuery(new Term("department", department)), Occur.FILTER);
        }
        Query query = filtered.build();
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(limit, Integer.MAX_VALUE));
            String[] snippets = snippets(searcher, query, top);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document d = searcher.storedFields().document(sd.doc);
                String reviewBy = d.get("review_by");
                hits.add(new Hit(d.get("id"), d.get("title"), d.get("category"), d.get("department"), sd.score,
                        snippets[i], reviewBy == null ? null : LocalDate.parse(reviewBy)));
            }
            return new SearchResult(top.totalHits.value, hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /** Titles containing the typed text, those starting with it first, then shorter ones. */
    public List<Suggestion> suggest(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            return List.of();
        }
        return titles.entrySet().stream()
                .filter(e -> e.getValue().toLowerCase(Locale.ROOT).contains(p))
                .map(e -> new Suggestion(e.getKey(), e.getValue()))
                .sorted(Comparator.<Suggestion>comparingInt(s -> s.title().toLowerCase(Locale.ROOT).startsWith(p) ? 0 : 1)
                        .thenComparingInt(s -> s.title().length())
                        .thenComparing(Suggestion::title))
                .limit(limit)
                .toList();
    }

    /** Null when the text has nothing searchable (only punctuation, emoji or filler words). */
    Query matterQuery(String text) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean hasClause = addFields(any, text, 1f, FIELD_BOOSTS);
        if (hasClause) {
            List<String> expansions = synonyms.expand(text);
            if (!expansions.isEmpty()) {
                addFields(any, String.join(" ", expansions), EXPANSION_WEIGHT, EXPANSION_FIELDS);
            }
        }
        return hasClause ? any.build() : null;
    }

    private boolean addFields(BooleanQuery.Builder into, String text, float weight,
                              List<Map.Entry<String, Float>> fields) {
        boolean added = false;
        for (Map.Entry<String, Float> field : fields) {
            Query q = queryBuilder.createBooleanQuery(field.getKey(), text, Occur.SHOULD);
            if (q != null) {
                into.add(new BoostQuery(q, field.getValue() * weight), Occur.SHOULD);
                added = true;
            }
        }
        return added;
    }

    private String[] snippets(IndexSearcher searcher, Query query, TopDocs top) throws IOException {
        if (top.scoreDocs.length == 0) {
            return new String[0];
        }
        // Exact phrase and multi-term handling re-analyse each hit in a MemoryIndex: five times the cost
        // of the whole search, for snippets that only need to show which words matched.
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, analyzers.perField())
                .withHandleMultiTermQuery(false)
                .withHighlightPhrasesStrictly(false)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.CHINA), 60, 0.3f))
                .withFormatter(new DefaultPassageFormatter("<em>", "</em>", "…", true))
                .build();
        String[] raw = highlighter.highlight(KbAnalyzers.BODY_BIGRAMS, query, top, 2);
        String[] merged = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            // Overlapping bigram matches come out as <em>身份</em><em>证</em>: show them as one word.
            merged[i] = raw[i] == null ? "" : raw[i].replace("</em><em>", "").replaceAll("\\s+", " ").strip();
        }
        return merged;
    }

    private IndexSearcher acquire() {
        try {
            IndexSearcher s = searchers.acquire();
            s.setSimilarity(new BM25Similarity());
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document toLucene(KbDocument doc) {
        String text = MarkdownText.toPlainText(doc.body());
        String keywords = String.join(" ", doc.keywords());
        Document d = new Document();
        d.add(new StringField("id", doc.id(), Field.Store.YES));
        d.add(new StringField("category", doc.category(), Field.Store.YES));
        d.add(new StringField("department", doc.department(), Field.Store.YES));
        if (doc.reviewBy() != null) {
            d.add(new StoredField("review_by", doc.reviewBy().toString()));
        }
        d.add(new TextField(KbAnalyzers.TITLE, doc.title(), Field.Store.YES));
        d.add(new TextField(KbAnalyzers.TITLE_BIGRAMS, doc.title(), Field.Store.NO));
        d.add(new TextField(KbAnalyzers.KEYWORDS, keywords, Field.Store.NO));
        d.add(new TextField(KbAnalyzers.KEYWORDS_BIGRAMS, keywords, Field.Store.NO));
        d.add(new TextField(KbAnalyzers.BODY, text, Field.Store.NO));
        d.add(new Field(KbAnalyzers.BODY_BIGRAMS, text, HIGHLIGHTED_BODY));
        return d;
    }

    /** Offsets in the postings let the highlighter find matches without re-analysing the body per hit. */
    private static FieldType highlightedBodyType() {
        FieldType t = new FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }

    /** One ranked entry; {@code snippet} is HTML-escaped text with matches in {@code <em>}. */
    public record Hit(String id, String title, String category, String department, float score, String snippet,
                      LocalDate reviewBy) {
    }

    public record SearchResult(long total, List<Hit> hits) {
    }

    public record Suggestion(String id, String title) {
    }
}
