import cn.nantong.hotline.kb.KbDocument;
import cn.nantong.hotline.kb.KbFileParser;
import cn.nantong.hotline.kb.KbFolderScanner;
import cn.nantong.hotline.kb.index.KbIndex;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Diagnostic, not part of the benchmark figures: the service's own search ({@code KbIndex}, the exact class
 * the service runs) called in-process, without HTTP, so the cost of the search itself is separated from the
 * web stack. Prints how long the index build takes, how many term clauses each query expands to, the
 * single-thread latency by query length, and the throughput of 2 threads calling the index directly
 * (the ceiling for the HTTP service on this machine).
 *
 * <p>Run with the built service on the class path (Java source launcher, no build step):
 * <pre>
 * java -cp "../target/quarkus-app/app/*:../target/quarkus-app/lib/main/*" diagnostics/InProcessSearchProbe.java \
 *      target/kb-10k target/queries.txt
 * </pre>
 */
public class InProcessSearchProbe {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        List<String> queries = Files.readAllLines(Path.of(args[1]), StandardCharsets.UTF_8).stream()
                .filter(q -> !q.isBlank()).toList();
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Runtime.getRuntime().availableProcessors();

        long t0 = System.nanoTime();
        KbFolderScanner.Scan scan = new KbFolderScanner(new KbFileParser(code -> true)).scan(folder);
        List<KbDocument> docs = scan.loaded().stream().map(KbFolderScanner.LoadedFile::doc).toList();
        long t1 = System.nanoTime();
        KbIndex index = newIndex(folder);
        index.upsert(docs);
        long t2 = System.nanoTime();
        System.out.printf("parse %d files: %.1f s; build the in-memory index (KbIndex.upsert): %.1f s%n",
                docs.size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);

        Method matterQuery = KbIndex.class.getDeclaredMethod("matterQuery", String.class);
        matterQuery.setAccessible(true);

        // Warm-up: JIT and caches.
        long warmEnd = System.nanoTime() + 20_000_000_000L;
        int warm = 0;
        while (System.nanoTime() < warmEnd) {
            index.search(queries.get(warm++ % queries.size()), 10, null, null);
        }

        // Single thread, every query 3 times: latency by query length, with term clause counts and hit totals.
        String[] kinds = {"short(<=12)", "medium(13-40)", "long(>40)"};
        List<List<Double>> byKind = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        long[] clauses = new long[3];
        long[] hits = new long[3];
        int[] counted = new int[3];
        for (int round = 0; round < 3; round++) {
            for (String q : queries) {
                int k = kind(q);
                long s = System.nanoTime();
                KbIndex.SearchResult r = index.search(q, 10, null, null);
                byKind.get(k).add((System.nanoTime() - s) / 1e6);
                if (round == 0) {
                    clauses[k] += termClauses((Query) matterQuery.invoke(index, q.length() > KbIndex.MAX_QUERY_CHARS
                            ? q.substring(0, KbIndex.MAX_QUERY_CHARS) : q));
                    hits[k] += r.total();
                    counted[k]++;
                }
            }
        }
        System.out.println("single thread, in-process (no HTTP), after a 20 s warm-up:");
        System.out.printf("  %-14s %6s %9s %9s %8s %8s %8s %8s%n", "query", "n", "clauses", "hits", "mean", "p50", "p99", "max");
        List<Double> all = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            all.addAll(byKind.get(k));
            print(kinds[k], byKind.get(k), counted[k] == 0 ? 0 : clauses[k] / counted[k], counted[k] == 0 ? 0 : hits[k] / counted[k]);
        }
        print("all", all, -1, -1);

        // Throughput of N threads on the index alone.
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + 15_000_000_000L;
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * 37;
            Thread th = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    index.search(queries.get(i++ % queries.size()), 10, null, null);
                    done.incrementAndGet();
                }
            });
            ts.add(th);
            th.start();
        }
        for (Thread th : ts) {
            th.join();
        }
        System.out.printf("%d threads calling KbIndex.search directly for 15 s: %.0f searches/s%n", threads, done.get() / 15.0);
        index.close();
    }

    /**
     * Builds the index the way the service does. By reflection, because the service's code moves: it has taken
     * either a {@code SynonymExpander} or a {@code KbAnalyzers}.
     */
    static KbIndex newIndex(Path folder) throws Exception {
        for (var c : KbIndex.class.getConstructors()) {
            Class<?> p = c.getParameterTypes().length == 1 ? c.getParameterTypes()[0] : null;
            if (p != null && p.getSimpleName().equals("SynonymExpander")) {
                Object sources = p.getMethod("sources", Path.class).invoke(null, folder);
                return (KbIndex) c.newInstance(p.getMethod("parse", List.class).invoke(null, sources));
            }
            if (p != null && p.getSimpleName().equals("KbAnalyzers")) {
                Object sources = p.getMethod("synonymSources", Path.class).invoke(null, folder);
                return (KbIndex) c.newInstance(p.getMethod("create", List.class).invoke(null, sources));
            }
        }
        throw new IllegalStateException("no known KbIndex constructor: " + Arrays.toString(KbIndex.class.getConstructors()));
    }

    static int kind(String q) {
        int n = q.codePointCount(0, q.length());
        return n <= 12 ? 0 : n <= 40 ? 1 : 2;
    }

    static long termClauses(Query q) {
        AtomicLong n = new AtomicLong();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
                n.addAndGet(terms.length);
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return n.get();
    }

    static void print(String name, List<Double> ms, long clauses, long hits) {
        double[] a = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            return;
        }
        double mean = Arrays.stream(a).average().orElse(0);
        System.out.printf("  %-14s %6d %9s %9s %8.1f %8.1f %8.1f %8.1f  (ms)%n", name, a.length,
                clauses < 0 ? "" : Long.toString(clauses), hits < 0 ? "" : Long.toString(hits), mean,
                a[(int) (a.length * 0.50)], a[Math.min(a.length - 1, (int) (a.length * 0.99))], a[a.length - 1]);
    }
}
