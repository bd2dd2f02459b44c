package cn.nantong.hotline.kb.index;

import cn.nantong.hotline.kb.KbDocument;
import cn.nantong.hotline.kb.MarkdownText;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.IOUtils;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
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

    /** The entry text as indexed, kept for snippets. */
    private static final String TEXT = "text";
    private static final Set<String> HIT_FIELDS = Set.of("id", "title", "category", "department", "review_by", TEXT);
    /**
     * Hits counted exactly up to here, a lower bound beyond: an exact count makes Lucene score every entry
     * that shares a word with the question, instead of skipping those that cannot reach the top.
     */
    static final int TOTAL_HITS_THRESHOLD = 1000;

    private final KbAnalyzers analyzers;
    private final QueryPlanner planner;
    private final Cache<CacheKey, SearchResult> results;
    private final Path directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Map<String, String> titles = new ConcurrentHashMap<>();

    public KbIndex(SynonymExpander synonyms) {
        this(synonyms, 0);
    }

    /**
     * @param resultCacheSize how many recent answers to keep; the hotline hears the same questions all day,
     *                        and any change to the index empties the cache, so an answer is never stale
     */
    public KbIndex(SynonymExpander synonyms, int resultCacheSize) {
        this.results = resultCacheSize > 0 ? Caffeine.newBuilder().maximumSize(resultCacheSize).build() : null;
        this.analyzers = KbAnalyzers.create();
        this.planner = new QueryPlanner(analyzers, synonyms);
        try {
            IndexWriterConfig config = new IndexWriterConfig(analyzers.perField()).setSimilarity(new BM25Similarity());
            this.directory = Files.createTempDirectory("kb-index-");
            // Memory-mapped files in a throw-away folder: the OS keeps them in RAM, and MMapDirectory reads
            // several times faster than ByteBuffersDirectory on the search path.
            this.writer = new IndexWriter(new MMapDirectory(directory), config);
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            if (results != null) {
                results.invalidateAll();
            }
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
            if (results != null) {
                results.invalidateAll();
            }
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
        if (results == null) {
            return searchIndex(text, limit, category, department);
        }
        return results.get(new CacheKey(text, limit, category, department),
                k -> searchIndex(text, limit, category, department));
    }

    private record CacheKey(String text, int limit, String category, String department) {
    }

    private SearchResult searchIndex(String text, int limit, String category, String department) {
        String cut = text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
        QueryPlanner.Plan plan = planner.plan(cut);
        if (plan == null) {
            return new SearchResult(0, List.of());
        }
        BooleanQuery.Builder filtered = new BooleanQuery.Builder().add(plan.query(), Occur.MUST);
        if (category != null) {
            filtered.add(new TermQuery(new Term("category", category)), Occur.FILTER);
        }
        if (department != null) {
            filtered.add(new TermQuery(new Term("department", department)), Occur.FILTER);
        }
        Query query = filtered.build();
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(query, new TopScoreDocCollectorManager(limit, TOTAL_HITS_THRESHOLD));
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            for (int i = 0; i < top.scoreDocs.length; i++) {
                ScoreDoc sd = top.scoreDocs[i];
                Document d = searcher.storedFields().document(sd.doc, HIT_FIELDS);
                String reviewBy = d.get("review_by");
                hits.add(new Hit(d.get("id"), d.get("title"), d.get("category"), d.get("department"), sd.score,
                        Snippets.of(d.get(TEXT), plan.words()), reviewBy == null ? null : LocalDate.parse(reviewBy)));
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
    /** The query a question becomes, for diagnostics (load-tests/diagnostics/InProcessSearchProbe). */
    Query matterQuery(String text) {
        QueryPlanner.Plan p = planner.plan(text);
        return p == null ? null : p.query();
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
        String text = MarkdownText.toIndexText(doc.body());
        String head = doc.title() + "\n" + String.join(" ", doc.keywords());
        Document d = new Document();
        d.add(new StringField("id", doc.id(), Field.Store.YES));
        d.add(new StringField("category", doc.category(), Field.Store.YES));
        d.add(new StringField("department", doc.department(), Field.Store.YES));
        if (doc.reviewBy() != null) {
            d.add(new StoredField("review_by", doc.reviewBy().toString()));
        }
        d.add(new StoredField("title", doc.title()));
        d.add(new TextField(KbAnalyzers.HEAD, head, Field.Store.NO));
        d.add(new TextField(KbAnalyzers.HEAD_BIGRAMS, head, Field.Store.NO));
        d.add(new TextField(KbAnalyzers.BODY, text, Field.Store.NO));
        d.add(new TextField(KbAnalyzers.BODY_BIGRAMS, text, Field.Store.NO));
        d.add(new StoredField(TEXT, text));
        return d;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        IOUtils.rm(directory);
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
