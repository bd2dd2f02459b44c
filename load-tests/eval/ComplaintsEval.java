import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores repeat detection and department suggestions of a running service on a labelled complaints file
 * (the eval-dev format), through the real history-import API, exactly as the file's README defines:
 * the first 60 % imported with their department, the rest without; every record in seq order.
 * The labels (dept, cluster) are never sent. Prints precision/recall/F1 beside the naive rule
 * "same phone within 30 days", and top-1/top-3 routing accuracy on the last 40 %.
 *
 *   java -cp "target/quarkus-app/lib/main/*" load-tests/eval/ComplaintsEval.java FILE BASE_URL
 */
public class ComplaintsEval {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SENT = List.of("callerPhone", "channel", "type", "district", "address", "content",
            "receivedAt");

    public static void main(String[] args) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add(JSON.readTree(line));
            }
        }
        records.sort((a, b) -> Integer.compare(a.get("seq").asInt(), b.get("seq").asInt()));
        String base = args.length > 1 ? args[1] : "http://127.0.0.1:8080";
        int history = (int) Math.floor(records.size() * 0.6);

        long t0 = System.nanoTime();
        List<JsonNode> answers = new ArrayList<>(importRecords(base, records.subList(0, history), true));
        long t1 = System.nanoTime();
        answers.addAll(importRecords(base, records.subList(history, records.size()), false));
        long t2 = System.nanoTime();
        System.out.printf("imported %d records with department in %.1f s, %d without in %.1f s (%.1f ms per record)%n",
                history, (t1 - t0) / 1e9, records.size() - history, (t2 - t1) / 1e9, (t2 - t0) / 1e6 / records.size());

        Map<Long, Integer> indexOfTicket = new HashMap<>();
        List<Long> predicted = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            JsonNode a = answers.get(i);
            if (!a.has("id")) {
                throw new IllegalStateException("record " + i + " was refused: " + a);
            }
            indexOfTicket.put(a.get("id").asLong(), i);
            JsonNode repeat = a.get("repeat");
            predicted.add(repeat == null || repeat.isNull() ? null : repeat.get("of").asLong());
        }
        List<Integer> ours = new ArrayList<>();
        for (Long of : predicted) {
            ours.add(of == null ? null : indexOfTicket.get(of));
        }
        System.out.println();
        System.out.println("Repeat detection (" + records.size() + " records, " + positives(records) + " positives)");
        score("ours", records, ours);
        score("naive: same phone within 30 days", records, naive(records));

        int top1 = 0;
        int top3 = 0;
        int n = 0;
        for (int i = history; i < records.size(); i++) {
            String dept = records.get(i).get("dept").asText();
            List<String> codes = new ArrayList<>();
            answers.get(i).get("suggestedDepartments").forEach(s -> codes.add(s.get("code").asText()));
            n++;
            top1 += !codes.isEmpty() && codes.get(0).equals(dept) ? 1 : 0;
            top3 += codes.contains(dept) ? 1 : 0;
        }
        System.out.println();
        System.out.printf("Routing on the last %d records: top-1 %.3f, top-3 %.3f%n", n, top1 / (double) n, top3 / (double) n);
    }

    private static List<JsonNode> importRecords(String base, List<JsonNode> records, boolean withDepartment)
            throws Exception {
        ArrayNode body = JSON.createArrayNode();
        for (JsonNode r : records) {
            ObjectNode o = body.addObject();
            SENT.forEach(f -> {
                if (r.has(f)) {
                    o.set(f, r.get(f));
                }
            });
            if (withDepartment) {
                o.put("department", r.get("dept").asText());
            }
        }
        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/tickets/import"))
                .timeout(Duration.ofMinutes(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo12345".getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> res = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) {
            throw new IllegalStateException("import answered " + res.statusCode() + ": " + res.body());
        }
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(res.body()).forEach(out::add);
        return out;
    }

    private static int positives(List<JsonNode> records) {
        int p = 0;
        for (int i = 0; i < records.size(); i++) {
            p += hasEarlierInCluster(records, i) ? 1 : 0;
        }
        return p;
    }

    private static boolean hasEarlierInCluster(List<JsonNode> records, int i) {
        String c = cluster(records.get(i));
        for (int j = 0; c != null && j < i; j++) {
            if (c.equals(cluster(records.get(j)))) {
                return true;
            }
        }
        return false;
    }

    private static String cluster(JsonNode r) {
        JsonNode c = r.get("cluster");
        return c == null || c.isNull() ? null : c.asText();
    }

    /** The most recent earlier record from the same phone within 30 days. */
    private static List<Integer> naive(List<JsonNode> records) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            OffsetDateTime at = OffsetDateTime.parse(records.get(i).get("receivedAt").asText());
            Integer found = null;
            for (int j = i - 1; j >= 0 && found == null; j--) {
                JsonNode e = records.get(j);
                if (e.get("callerPhone").asText().equals(records.get(i).get("callerPhone").asText())
                        && !OffsetDateTime.parse(e.get("receivedAt").asText()).isBefore(at.minusDays(30))) {
                    found = j;
                }
            }
            out.add(found);
        }
        return out;
    }

    private static void score(String name, List<JsonNode> records, List<Integer> predictions) {
        int predicted = 0;
        int correct = 0;
        for (int i = 0; i < records.size(); i++) {
            Integer of = predictions.get(i);
            if (of != null) {
                predicted++;
                String c = cluster(records.get(i));
                correct += c != null && Objects.equals(c, cluster(records.get(of))) ? 1 : 0;
            }
        }
        int positives = positives(records);
        double p = predicted == 0 ? 0 : correct / (double) predicted;
        double r = correct / (double) positives;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        System.out.printf("  %-34s precision %.3f  recall %.3f  F1 %.3f  (%d predicted, %d correct)%n",
                name, p, r, f1, predicted, correct);
    }
}
