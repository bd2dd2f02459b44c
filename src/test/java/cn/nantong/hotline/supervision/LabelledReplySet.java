package cn.nantong.hotline.supervision;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-written labelled replies (test resource), grouped by department in the order they were written. */
final class LabelledReplySet {

    /** One labelled line; label is TEMPLATE, VAGUE or CONCRETE. */
    record Row(long ticketId, Long clusterId, String department, String ticketContent, String reply, String label) {
        boolean positive() {
            return !"CONCRETE".equals(label);
        }

        EarlierReply asEarlier() {
            return new EarlierReply(ticketId, clusterId, ticketContent, reply);
        }
    }

    static final String RESOURCE = "/replies/labelled-replies.jsonl";

    private LabelledReplySet() {
    }

    static Map<String, List<Row>> byDepartment() {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<Row>> departments = new LinkedHashMap<>();
        try (InputStream in = LabelledReplySet.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    Row row = json.readValue(line, Row.class);
                    departments.computeIfAbsent(row.department(), d -> new ArrayList<>()).add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return departments;
    }
}
