package cn.nantong.hotline.kb.index;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns a caller's question into the Lucene query of the 热线百科 and the words its snippets mark. */
final class QueryPlanner {

    /**
     * Title and keywords say what an entry is about, the body only mentions things; whole words say more
     * than bigrams. Tuned with SearchQualityBench: results held within ±0.02 MRR over a wide range of
     * weights, so these are not fitted to one query set. Fixed order: stable scores.
     */
    private static final List<Map.Entry<String, Float>> FIELD_BOOSTS = List.of(
            Map.entry(KbAnalyzers.HEAD, 2.0f),
            Map.entry(KbAnalyzers.BODY, 1.5f),
            Map.entry(KbAnalyzers.HEAD_BIGRAMS, 1.0f),
            Map.entry(KbAnalyzers.BODY_BIGRAMS, 1.0f));


    /** Synonym expansions count less than the caller's own words: they widen, the words decide. */
    private static final float EXPANSION_WEIGHT = 0.5f;
    /** Expansions are whole official terms, so word fields suffice; bigrams of them would only triple the clauses. */
    private static final List<Map.Entry<String, Float>> EXPANSION_FIELDS = FIELD_BOOSTS.subList(0, 2);
    private final KbAnalyzers analyzers;
    private final SynonymExpander synonyms;

    QueryPlanner(KbAnalyzers analyzers, SynonymExpander synonyms) {
        this.analyzers = analyzers;
        this.synonyms = synonyms;
    }

    /** The query and the words to mark in snippets. */
    record Plan(Query query, Set<String> words) {
    }

    /** Null when the text has nothing searchable (only punctuation, emoji or filler words). */
    Plan plan(String text) {
        Map<Query, Float> clauses = new LinkedHashMap<>();
        Set<String> words = new LinkedHashSet<>();
        addTerms(clauses, words, text, 1f, FIELD_BOOSTS);
        if (clauses.isEmpty()) {
            return null;
        }
        List<String> expansions = synonyms.expand(text);
        if (!expansions.isEmpty()) {
            addTerms(clauses, words, String.join(" ", expansions), EXPANSION_WEIGHT, EXPANSION_FIELDS);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        clauses.forEach((q, boost) -> any.add(new BoostQuery(q, boost), Occur.SHOULD));
        return new Plan(any.build(), words);
    }

    /**
     * One flat OR of term clauses, a repeated word counted once with its weights added. Flat, because a
     * flat disjunction lets Lucene skip entries that cannot make the top hits; and each analysis runs once
     * for all fields that share it, because smartcn segmentation costs as much as the search.
     */
    private void addTerms(Map<Query, Float> into, Set<String> words, String text, float weight,
                          List<Map.Entry<String, Float>> fields) {
        Map<String, List<String>> tokensByAnalysis = new HashMap<>();
        for (Map.Entry<String, Float> field : fields) {
            boolean bigram = field.getKey().endsWith("_bi");
            List<String> tokens = tokensByAnalysis.computeIfAbsent(bigram ? "bi" : "words",
                    k -> analyze(field.getKey(), text));
            float boost = field.getValue() * weight;
            for (String token : tokens) {
                into.merge(new TermQuery(new Term(field.getKey(), token)), boost, Float::sum);
            }
            words.addAll(tokens);
        }
    }

    private List<String> analyze(String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzers.perField().tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
