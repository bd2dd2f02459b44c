package cn.nantong.hotline.bench;

import cn.nantong.hotline.kb.KbDocument;
import cn.nantong.hotline.kb.KbFileParser;
import cn.nantong.hotline.kb.KbFolderScanner;
import cn.nantong.hotline.kb.MarkdownText;
import cn.nantong.hotline.kb.index.SynonymExpander;
import cn.nantong.hotline.kb.index.KbIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Search quality on a knowledge-base folder and a queries file ({@code {"q", "relevant": [ids]}} per line):
 * MRR@10, recall@5 and latency percentiles of the service's own search, beside a plain StandardAnalyzer BM25.
 *
 * <p>Usage: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.nantong.hotline.bench.SearchQualityBench -Dexec.args="KB_DIR QUERIES.jsonl"}
 */
public final class SearchQualityBench {

    record Query1(String q, Set<String> relevant) {
    }

    record Scores(double mrr10, double recall5, int misses) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: SearchQualityBench KB_DIR QUERIES_JSONL");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        List<Query1> queries = readQueries(Path.of(args[1]));
        KbFolderScanner.Scan scan = new KbFolderScanner(new KbFileParser(code -> true)).scan(folder);
        scan.skipped().forEach(s -> System.out.println("skipped " + s.path() + ": " + s.reason()));
        List<KbDocument> docs = scan.loaded().stream().map(KbFolderScanner.LoadedFile::doc).toList();
        System.out.printf("corpus: %d entries, %d queries%n", docs.size(), queries.size());

        try (KbIndex index = new KbIndex(SynonymExpander.parse(SynonymExpander.sources(folder)))) {
            index.upsert(docs);
            Function<String, List<String>> ours = q -> index.search(q, 10, null, null).hits().stream()
                    .map(KbIndex.Hit::id).toList();
            for (int i = 0; i < 30; i++) {
                queries.forEach(q -> ours.apply(q.q()));
            }
            long[] nanos = new long[queries.size()];
            Scores s = score(queries, ours, nanos, args.length > 2);
            Arrays.sort(nanos);
            System.out.printf("hotline search : MRR@10 %.3f  recall@5 %.3f  (not in top 5: %d)%n", s.mrr10(), s.recall5(), s.misses());
            System.out.printf("latency (in-process, incl. snippets): p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n",
                    pct(nanos, 50), pct(nanos, 95), pct(nanos, 99), nanos[nanos.length - 1] / 1e6);
        }
        Scores base = baseline(docs, queries);
        System.out.printf("baseline BM25 (StandardAnalyzer, title+keywords+body): MRR@10 %.3f  recall@5 %.3f%n",
                base.mrr10(), base.recall5());
    }

    private static Scores score(List<Query1> queries, Function<String, List<String>> search, long[] nanos,
                                boolean verbose) {
        double rr = 0;
        int in5 = 0;
        for (int i = 0; i < queries.size(); i++) {
            Query1 q = queries.get(i);
            long t0 = System.nanoTime();
            List<String> ids = search.apply(q.q());
            if (nanos != null) {
                nanos[i] = System.nanoTime() - t0;
            }
            int rank = 0;
            for (int r = 0; r < Math.min(10, ids.size()); r++) {
                if (q.relevant().contains(ids.get(r))) {
                    rank = r + 1;
                    break;
                }
            }
            rr += rank == 0 ? 0 : 1.0 / rank;
            if (rank >= 1 && rank <= 5) {
                in5++;
            } else if (nanos != null) {
                System.out.printf("  miss: %s  want %s  got %s%n", q.q(), q.relevant(), ids.subList(0, Math.min(3, ids.size())));
            }
        }
        return new Scores(rr / queries.size(), (double) in5 / queries.size(), queries.size() - in5);
    }

    private static Scores baseline(List<KbDocument> docs, List<Query1> queries) throws IOException {
        StandardAnalyzer analyzer = new StandardAnalyzer();
        ByteBuffersDirectory dir = new ByteBuffersDirectory();
        try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(analyzer))) {
            for (KbDocument d : docs) {
                Document doc = new Document();
                doc.add(new StringField("id", d.id(), Field.Store.YES));
                doc.add(new TextField("text", d.title() + "\n" + String.join(" ", d.keywords()) + "\n"
                        + MarkdownText.toPlainText(d.body()), Field.Store.NO));
                w.addDocument(doc);
            }
        }
        IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(dir));
        IndexSearcher.setMaxClauseCount(8192);
        QueryBuilder qb = new QueryBuilder(analyzer);
        return score(queries, q -> {
            try {
                Query query = qb.createBooleanQuery("text", q, BooleanClause.Occur.SHOULD);
                if (query == null) {
                    return List.of();
                }
                List<String> ids = new ArrayList<>();
                for (ScoreDoc sd : searcher.search(query, 10).scoreDocs) {
                    ids.add(searcher.storedFields().document(sd.doc).get("id"));
                }
                return ids;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, null, false);
    }

    private static List<Query1> readQueries(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Query1> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            List<String> rel = new ArrayList<>();
            n.get("relevant").forEach(r -> rel.add(r.asText()));
            out.add(new Query1(n.get("q").asText(), Set.copyOf(rel)));
        }
        return out;
    }

    private static double pct(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
