package cn.nantong.hotline.bench;

import cn.nantong.hotline.repeat.CandidateIndex;
import cn.nantong.hotline.repeat.RepeatDetector;
import cn.nantong.hotline.repeat.RepeatMatch;
import cn.nantong.hotline.repeat.Report;
import cn.nantong.hotline.repeat.ReportFeatures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Repeat-detection quality on a labelled complaints file: records are processed in seq order, each against
 * the earlier ones found by the same look-up the database does; precision, recall and F1 of the detector
 * beside the naive "most recent earlier report from the same phone within 30 days", and the cost per report.
 *
 * <p>Usage: {@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.nantong.hotline.bench.RepeatQualityBench -Dexec.args="complaints.jsonl [-v]"}
 */
public final class RepeatQualityBench {

    /** A record with its label; the label never reaches the detector. */
    record Labelled(Report report, String cluster) {
    }

    record Scores(int predictions, int correct, int positives) {
        double precision() {
            return predictions == 0 ? 0 : correct / (double) predictions;
        }

        double recall() {
            return positives == 0 ? 0 : correct / (double) positives;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RepeatQualityBench COMPLAINTS_JSONL [-v]");
            System.exit(2);
        }
        boolean verbose = args.length > 1 && args[1].equals("-v");
        List<Labelled> records = read(Path.of(args[0]));
        RepeatDetector detector = new RepeatDetector();
        CandidateIndex index = new CandidateIndex();
        Map<Long, Labelled> byId = new HashMap<>();
        records.forEach(r -> byId.put(r.report().id(), r));

        long nanos = 0;
        List<Optional<Long>> predicted = new ArrayList<>();
        for (Labelled rec : records) {
            long start = System.nanoTime();
            ReportFeatures features = ReportFeatures.of(rec.report());
            Optional<RepeatMatch> match = detector.match(features, index.candidates(features));
            nanos += System.nanoTime() - start;
            index.add(features);
            predicted.add(match.map(RepeatMatch::of));
            if (verbose) {
                explain(rec, match, byId, features);
            }
        }
        Scores ours = score(records, (i, r) -> predicted.get(i));
        Scores naive = score(records, (i, r) -> samePhoneWithin30Days(records, i));
        System.out.printf("records: %d, positives: %d%n", records.size(), ours.positives());
        print("detector", ours);
        print("naive same-phone 30d", naive);
        System.out.printf("mean features+match: %.1f µs/report first pass (includes loading smartcn and JIT warm-up)%n",
                nanos / 1000.0 / records.size());
        long warm = timePass(records, detector);
        System.out.printf("mean features+match: %.1f µs/report second pass (warm)%n", warm / 1000.0 / records.size());
    }

    /** Runs the intake again on a fresh index and returns the nanoseconds spent in features + look-up + match. */
    private static long timePass(List<Labelled> records, RepeatDetector detector) {
        CandidateIndex index = new CandidateIndex();
        long nanos = 0;
        for (Labelled rec : records) {
            long start = System.nanoTime();
            ReportFeatures features = ReportFeatures.of(rec.report());
            detector.match(features, index.candidates(features));
            nanos += System.nanoTime() - start;
            index.add(features);
        }
        return nanos;
    }

    private static void print(String name, Scores s) {
        System.out.printf("%-22s precision %.3f  recall %.3f  F1 %.3f  (%d predicted, %d correct)%n",
                name, s.precision(), s.recall(), s.f1(), s.predictions(), s.correct());
    }

    /** Scoring as the data set's README defines it: a prediction is right when it names a record of the same cluster. */
    private static Scores score(List<Labelled> records, BiFunction<Integer, Labelled, Optional<Long>> predict) {
        Map<Long, String> clusterOf = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        int predictions = 0;
        int correct = 0;
        int positives = 0;
        for (int i = 0; i < records.size(); i++) {
            Labelled rec = records.get(i);
            if (rec.cluster() != null && seen.merge(rec.cluster(), 1, Integer::sum) > 1) {
                positives++;
            }
            Optional<Long> of = predict.apply(i, rec);
            if (of.isPresent()) {
                predictions++;
                if (rec.cluster() != null && rec.cluster().equals(clusterOf.get(of.get()))) {
                    correct++;
                }
            }
            clusterOf.put(rec.report().id(), rec.cluster());
        }
        return new Scores(predictions, correct, positives);
    }

    private static Optional<Long> samePhoneWithin30Days(List<Labelled> records, int i) {
        Report r = records.get(i).report();
        return records.subList(0, i).stream().map(Labelled::report)
                .filter(e -> e.callerKey().equals(r.callerKey()))
                .filter(e -> Duration.between(e.receivedAt(), r.receivedAt()).compareTo(Duration.ofDays(30)) <= 0)
                .max(Comparator.comparing(Report::receivedAt))
                .map(Report::id);
    }

    private static void explain(Labelled rec, Optional<RepeatMatch> match, Map<Long, Labelled> byId, ReportFeatures f) {
        String predictedCluster = match.map(m -> byId.get(m.of()).cluster()).orElse(null);
        boolean ok = match.isEmpty() || (rec.cluster() != null && rec.cluster().equals(predictedCluster));
        System.out.printf("%s #%d [%s] %s keys=%s kinds=%s -> %s%n", ok ? "  " : "XX", rec.report().id(),
                rec.cluster(), f.describePlace(), f.placeKeys(), f.problemKinds(),
                match.map(m -> "#" + m.of() + " [" + predictedCluster + "] " + String.format("%.2f ", m.score())
                        + m.reasons()).orElse("new"));
    }

    private static List<Labelled> read(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Labelled> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            Report r = new Report(n.get("seq").asLong(), OffsetDateTime.parse(n.get("receivedAt").asText()).toInstant(),
                    n.get("callerPhone").asText(), n.get("type").asText(), text(n, "district"), text(n, "address"),
                    text(n, "content"));
            out.add(new Labelled(r, text(n, "cluster")));
        }
        out.sort(Comparator.comparingLong(l -> l.report().id()));
        return out;
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
