package cn.nantong.hotline.supervision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark: the cost of one reply check against a department's 200 most recent replies (target: under 2 ms).
 * Run with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.nantong.hotline.supervision.ReplyCheckCostBench}.
 */
public final class ReplyCheckCostBench {

    private static final int EARLIER = 200;

    private ReplyCheckCostBench() {
    }

    public static void main(String[] args) {
        List<LabelledReplySet.Row> rows = LabelledReplySet.byDepartment().values().stream()
                .flatMap(List::stream).toList();
        List<EarlierReply> earlier = new ArrayList<>();
        for (int i = 0; i < EARLIER; i++) {
            LabelledReplySet.Row row = rows.get(i % rows.size());
            // distinct texts, so that the cold measurement really fingerprints 200 replies
            earlier.add(new EarlierReply(i, null, row.ticketContent() + i, row.reply() + "（第" + i + "份）"));
        }
        LabelledReplySet.Row probe = rows.get(7);

        TemplateReplyDetector warm = new TemplateReplyDetector();
        for (int i = 0; i < 300; i++) {
            warm.check(-1, null, probe.ticketContent(), probe.reply() + i, earlier);
        }
        double[] warmMs = new double[400];
        for (int i = 0; i < warmMs.length; i++) {
            long start = System.nanoTime();
            warm.check(-1, null, probe.ticketContent(), rows.get(i % rows.size()).reply() + "#" + i, earlier);
            warmMs[i] = (System.nanoTime() - start) / 1e6;
        }
        double[] coldMs = new double[60];
        for (int i = -coldMs.length; i < coldMs.length; i++) {
            TemplateReplyDetector cold = new TemplateReplyDetector();
            long start = System.nanoTime();
            cold.check(-1, null, probe.ticketContent(), probe.reply(), earlier);
            if (i >= 0) {
                coldMs[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Arrays.sort(warmMs);
        Arrays.sort(coldMs);
        double warmMedian = warmMs[warmMs.length / 2];
        System.out.printf(Locale.ROOT,
                "check vs %d earlier: cached median %.3f ms p95 %.3f ms; uncached median %.3f ms%n",
                EARLIER, warmMedian, warmMs[warmMs.length * 95 / 100], coldMs[coldMs.length / 2]);
    }
}
