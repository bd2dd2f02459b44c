package cn.nantong.hotline.dispatch;

import static cn.nantong.hotline.dispatch.RoutingSchema.CATEGORY;
import static cn.nantong.hotline.dispatch.RoutingSchema.DEPT;
import static cn.nantong.hotline.dispatch.RoutingSchema.HANDLED;
import static cn.nantong.hotline.dispatch.RoutingSchema.KB;
import static cn.nantong.hotline.dispatch.RoutingSchema.KEY;
import static cn.nantong.hotline.dispatch.RoutingSchema.RETURNED;
import static cn.nantong.hotline.dispatch.RoutingSchema.TITLE;

import cn.nantong.hotline.kb.index.SegmentedText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Suggests the departments an intake should be dispatched to, from a k-nearest-neighbour vote over past tickets
 * (handled ones for, returned ones against), the 热线百科 entries' departments and admin rules. Thread-safe.
 */
public final class DepartmentSuggester implements Closeable {

    /** Long narratives add little beyond their opening and make every search slower. */
    private static final int MAX_QUERY_CHARS = 200;
    private static final int NEIGHBOURS = 20;
    private static final int RETURN_NEIGHBOURS = 10;
    private static final int KB_HITS = 3;
    private static final double HISTORY_WEIGHT = 6.0;
    private static final double RETURN_WEIGHT = 4.0;
    private static final double KB_WEIGHT = 3.0;

    private final Analyzer analyzer = RoutingSchema.analyzer();
    /**
     * One index per kind of evidence, so that each search walks only its own documents: in a shared index the rare
     * kinds' fields have sparse norms and every search pays for skipping the documents of the other kinds.
     */
    private final Map<String, KindIndex> indexes = new LinkedHashMap<>();
    /**
     * Counts learn calls, so that the next suggest (and only then) pays for opening new searchers. A generation
     * rather than a dirty flag: a suggest racing another one's refresh must still see every learn finished before it.
     */
    private final AtomicLong learned = new AtomicLong();
    private volatile long searchable;
    private final Object refreshLock = new Object();
    private volatile RuleBook rules = RuleBook.EMPTY;

    /** Where each kind's index is kept. */
    @FunctionalInterface
    public interface Storage {
        Directory open(String kind) throws IOException;
    }

    /** Indexes in memory, the same ones each time this storage is opened again. */
    public static Storage inMemory() {
        Map<String, Directory> dirs = new ConcurrentHashMap<>();
        return kind -> dirs.computeIfAbsent(kind, k -> new ByteBuffersDirectory());
    }

    public DepartmentSuggester(Storage storage) {
        try {
            for (String kind : List.of(HANDLED, RETURNED, KB)) {
                indexes.put(kind, new KindIndex(storage.open(kind), analyzer));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The writer and searchers of one kind's index. */
    private record KindIndex(IndexWriter writer, SearcherManager searchers) {

        KindIndex(Directory dir, Analyzer analyzer) throws IOException {
            this(new IndexWriter(dir, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)));
        }

        private KindIndex(IndexWriter writer) throws IOException {
            this(writer, new SearcherManager(writer, null));
        }
    }

    private IndexWriter writer(String kind) {
        return indexes.get(kind).writer();
    }

    /** Records that {@code department} accepted and answered this ticket; learning the same id again replaces it. */
    public void learnHandled(long ticketId, String text, String category, String department) {
        Document doc = document(HANDLED, text, department);
        if (category != null && !category.isBlank()) {
            doc.add(new SortedDocValuesField(CATEGORY, new BytesRef(category.strip())));
        }
        update(HANDLED, handledKey(ticketId), doc);
    }

    /**
     * Records that {@code department} sent this ticket back: evidence against it for this kind of matter. If the
     * ticket had been learned as handled by the same department, that was a mistake and is forgotten.
     */
    public void learnReturned(long ticketId, String text, String department) {
        Document doc = document(RETURNED, text, department);
        try {
            writer(HANDLED).deleteDocuments(new BooleanQuery.Builder()
                    .add(new TermQuery(handledKey(ticketId)), Occur.FILTER)
                    .add(new TermQuery(new Term(DEPT, department.strip())), Occur.FILTER)
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        update(RETURNED, new Term(KEY, "r:" + ticketId + ":" + department.strip()), doc);
    }

    /** A 热线百科 entry whose department handles its matter, shown by its title in reasons; upsert by entry id. */
    public void learnKbEntry(String entryId, String title, String text, String department) {
        Document doc = document(KB, text, department);
        // A doc value rather than a stored field: reading a stored field decompresses a whole block of documents.
        doc.add(new SortedDocValuesField(TITLE, new BytesRef(title == null ? entryId : title)));
        update(KB, kbKey(entryId), doc);
    }

    /** Forgets everything learned from this ticket (handled and returned), e.g. when it leaves the learning window. */
    public void forgetTicket(long ticketId) {
        try {
            writer(HANDLED).deleteDocuments(handledKey(ticketId));
            writer(RETURNED).deleteDocuments(new PrefixQuery(new Term(KEY, "r:" + ticketId + ":")));
            learned.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For an entry deleted from the knowledge base. */
    public void forgetKbEntry(String entryId) {
        try {
            writer(KB).deleteDocuments(kbKey(entryId));
            learned.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges each index into one segment. Every search looks each intake term up once per segment, so after the
     * start-up replay one segment is cheaper than the several a bulk load leaves.
     */
    public void compact() {
        try {
            for (KindIndex index : indexes.values()) {
                index.writer().forceMerge(1);
            }
            learned.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces all admin rules at once; suggest calls see either the old or the new set, never a mix. */
    public void replaceRules(List<RoutingRule> newRules) {
        rules = new RuleBook(List.copyOf(newRules));
    }

    /** Up to {@code max} departments, best first; empty when nothing in the text points anywhere. */
    public List<Suggestion> suggest(String text, String category, int max) {
        return suggest(SegmentedText.of(opening(text == null ? "" : text.strip())), category, max);
    }

    /** The same for a text already cut into words; only its opening {@value #MAX_QUERY_CHARS} characters count. */
    public List<Suggestion> suggest(SegmentedText text, String category, int max) {
        String q = opening(text.text());
        if (max <= 0 || (q.isBlank() && (category == null || category.isBlank()))) {
            return List.of();
        }
        Ballot ballot = new Ballot();
        for (RoutingRule rule : rules.match(q, category)) {
            ballot.add(rule.department(), rule.weight(), rule.keyword() != null
                    ? "命中规则：关键词“" + rule.keyword() + "”" : "命中规则：分类“" + rule.category() + "”");
        }
        try {
            voteByIndex(new PrecedentSearch(text.wordsWithin(MAX_QUERY_CHARS)), category, ballot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ballot.top(max);
    }

    private static String opening(String text) {
        return text.length() > MAX_QUERY_CHARS ? text.substring(0, MAX_QUERY_CHARS) : text;
    }

    /** Rules to start from before an administrator edits any, from {@code routing/default-rules.txt}. */
    public static List<RoutingRule> defaultRules() {
        try (InputStream in = DepartmentSuggester.class.getResourceAsStream("/routing/default-rules.txt")) {
            if (in == null) {
                throw new IllegalStateException("routing/default-rules.txt is missing from the classpath");
            }
            return RuleBook.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        List<Closeable> all = new ArrayList<>();
        for (KindIndex index : indexes.values()) {
            index.writer().commit();
            all.add(index.searchers());
            all.add(index.writer());
        }
        IOUtils.close(all);
    }

    private void voteByIndex(PrecedentSearch search, String category, Ballot ballot) throws IOException {
        refreshIfLearned();
        near(search, HANDLED, NEIGHBOURS, category).forEach((dept, n) -> ballot.add(dept,
                HISTORY_WEIGHT * n.weight, tickets(n) + "由该部门办结"));
        near(search, RETURNED, RETURN_NEIGHBOURS, null).forEach((dept, n) -> ballot.add(dept,
                -RETURN_WEIGHT * n.weight, tickets(n) + "曾被该部门退回"));
        near(search, KB, KB_HITS, null).forEach((dept, n) -> ballot.add(dept,
                KB_WEIGHT * n.best, "热线百科条目《" + n.bestTitle + "》的主管部门"));
    }

    private Map<String, PrecedentSearch.Neighbours> near(PrecedentSearch search, String kind, int k, String category)
            throws IOException {
        SearcherManager searchers = indexes.get(kind).searchers();
        IndexSearcher searcher = searchers.acquire();
        try {
            return search.near(searcher, kind, k, category);
        } finally {
            searchers.release(searcher);
        }
    }

    private void refreshIfLearned() throws IOException {
        if (learned.get() > searchable) {
            synchronized (refreshLock) {
                long upTo = learned.get();
                if (upTo > searchable) {
                    for (KindIndex index : indexes.values()) {
                        index.searchers().maybeRefreshBlocking();
                    }
                    searchable = upTo;
                }
            }
        }
    }

    private static String tickets(PrecedentSearch.Neighbours n) {
        return n.close > 0 ? "类似工单 " + n.close + " 件" : "相关工单 " + n.count + " 件";
    }

    private Document document(String kind, String text, String department) {
        if (department == null || department.isBlank()) {
            throw new IllegalArgumentException("department is required");
        }
        String dept = department.strip();
        String body = text == null ? "" : text;
        Document doc = new Document();
        doc.add(new StringField(DEPT, dept, Field.Store.NO));
        doc.add(new SortedDocValuesField(DEPT, new BytesRef(dept)));
        doc.add(new TextField(RoutingSchema.words(kind), body, Field.Store.NO));
        doc.add(new TextField(RoutingSchema.bigrams(kind), body, Field.Store.NO));
        return doc;
    }

    private void update(String kind, Term key, Document doc) {
        doc.add(new StringField(KEY, key.text(), Field.Store.NO));
        try {
            writer(kind).updateDocument(key, doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        learned.incrementAndGet();
    }

    private static Term handledKey(long ticketId) {
        return new Term(KEY, "t:" + ticketId);
    }

    private static Term kbKey(String entryId) {
        return new Term(KEY, "k:" + entryId);
    }
}
