package cn.nantong.hotline.dispatch;

import cn.nantong.hotline.kb.index.SegmentedText;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The past documents of one kind (handled, returned, KB) most like an intake text, summed per department.
 *
 * <p>The intake's words are filtered once for the three searches; each term is looked up once per kind and shared by the
 * query and the similarity scale, since term look-ups, not scoring, are most of the cost of a short query.
 */
final class PrecedentSearch {

    /** Bigrams overlap each other and the words, so each counts for less. */
    private static final float BIGRAM_BOOST = 0.5f;
    /** Lucene's BM25 default; a term found once in a document of average length scores idf / (1 + k1). */
    private static final double K1 = 1.2;
    /** A past document sharing less of the intake's information than this is a coincidence, not a precedent. */
    private static final double MIN_SIMILARITY = 0.03;
    /** From here on a past document is shown to the agent as “类似” rather than merely related. */
    private static final double CLOSE_SIMILARITY = 0.1;
    private static final double SAME_CATEGORY_BONUS = 1.5;
    /**
     * Only the most telling terms are searched: the common ones (来电人, 反映, 希望) have the longest postings, cost
     * most, and hardly move the ranking; a long narrative would otherwise cost ten times a short one.
     */
    private static final int MAX_CLAUSES = 16;

    /** Documents of one department among the nearest: how many (and how many close), summed weight, best title. */
    static final class Neighbours {
        int count;
        int close;
        double weight;
        double best;
        int bestDoc;
        String bestTitle;
    }

    private final Set<String> words;
    private final Set<String> bigrams;

    /**
     * Collects the words, and bigrams only where smartcn fell back to single characters: that is where it met a
     * name it does not know (a road, a village), and the bigrams of words it did recognise would only repeat them
     * at twice the search cost.
     */
    PrecedentSearch(List<SegmentedText.Word> text) {
        this.words = new LinkedHashSet<>();
        this.bigrams = new LinkedHashSet<>();
        String previousSingle = null;
        int previousEnd = -1;
        for (SegmentedText.Word w : text) {
            String token = w.text();
            if (RoutingSchema.isStopWord(token)) {
                continue;
            }
            words.add(token);
            boolean single = token.length() == 1 && Character.isIdeographic(token.codePointAt(0));
            if (single && previousSingle != null && previousEnd == w.start()) {
                bigrams.add(previousSingle + token);
            }
            previousSingle = single ? token : null;
            previousEnd = w.end();
        }
    }

    /**
     * The {@code k} nearest documents of a kind, per department. A document's weight is its BM25 score over the
     * score a document holding every intake term once would get, squared so that one near-duplicate outweighs
     * several documents that merely share a word or two.
     */
    Map<String, Neighbours> near(IndexSearcher searcher, String kind, int k, String category) throws IOException {
        Map<String, Neighbours> byDept = new TreeMap<>();
        List<Clause> clauses = new ArrayList<>();
        double selfScore = addTerms(searcher, clauses, RoutingSchema.words(kind), words, 1f)
                + addTerms(searcher, clauses, RoutingSchema.bigrams(kind), bigrams, BIGRAM_BOOST);
        if (selfScore <= 0 || clauses.isEmpty()) {
            return byDept;
        }
        clauses.sort(Comparator.comparingDouble(Clause::weight).reversed());
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        for (Clause c : clauses.subList(0, Math.min(MAX_CLAUSES, clauses.size()))) {
            query.add(c.query(), Occur.SHOULD);
        }
        for (ScoreDoc hit : searcher.search(query.build(), new TopScoreDocCollectorManager(k, null, k)).scoreDocs) {
            double similarity = Math.min(1.0, hit.score / selfScore);
            if (similarity < MIN_SIMILARITY) {
                continue;
            }
            double w = similarity * similarity;
            if (category != null && category.strip().equals(docValue(searcher, hit.doc, RoutingSchema.CATEGORY))) {
                w *= SAME_CATEGORY_BONUS;
            }
            Neighbours n = byDept.computeIfAbsent(docValue(searcher, hit.doc, RoutingSchema.DEPT), d -> new Neighbours());
            n.count++;
            n.close += similarity >= CLOSE_SIMILARITY ? 1 : 0;
            n.weight += w;
            if (w > n.best) {
                n.best = w;
                n.bestDoc = hit.doc;
            }
        }
        if (RoutingSchema.KB.equals(kind)) {
            for (Neighbours n : byDept.values()) {
                n.bestTitle = docValue(searcher, n.bestDoc, RoutingSchema.TITLE);
            }
        }
        return byDept;
    }

    /** A term the field has, with the most it can add to a document's score. */
    private record Clause(Query query, double weight) {
    }

    /**
     * Collects the terms the field has as clauses, and returns their share of the similarity scale: about the score
     * of a document of average length holding each term once. Terms nothing has still count in the scale, since
     * they are part of what the intake says.
     */
    private static double addTerms(IndexSearcher searcher, List<Clause> clauses, String field, Set<String> tokens,
                                   float boost) throws IOException {
        CollectionStatistics stats = searcher.collectionStatistics(field);
        if (stats == null) {
            return 0;
        }
        Map<String, TermStates> found = lookUp(searcher, field, tokens);
        double scale = 0;
        for (String token : tokens) {
            TermStates states = found.get(token);
            int df = states == null ? 0 : states.docFreq();
            double weight = boost * Math.log(1 + (stats.docCount() - df + 0.5) / (df + 0.5)) / (1 + K1);
            scale += weight;
            if (df > 0) {
                clauses.add(new Clause(new BoostQuery(new TermQuery(new Term(field, token), states), boost), weight));
            }
        }
        return scale;
    }

    /**
     * The statistics of the tokens the field has, walking each segment's term dictionary with one enum rather than
     * one per term as {@link TermStates#build} would.
     */
    private static Map<String, TermStates> lookUp(IndexSearcher searcher, String field, Set<String> tokens)
            throws IOException {
        Map<String, TermStates> found = new HashMap<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum te = terms.iterator();
            for (String token : tokens) {
                if (te.seekExact(new BytesRef(token))) {
                    found.computeIfAbsent(token, t -> new TermStates(searcher.getTopReaderContext()))
                            .register(te.termState(), leaf.ord, te.docFreq(), te.totalTermFreq());
                }
            }
        }
        return found;
    }

    private static String docValue(IndexSearcher searcher, int doc, String field) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        SortedDocValues values = leaf.reader().getSortedDocValues(field);
        return values != null && values.advanceExact(doc - leaf.docBase)
                ? values.lookupOrd(values.ordValue()).utf8ToString() : null;
    }
}
