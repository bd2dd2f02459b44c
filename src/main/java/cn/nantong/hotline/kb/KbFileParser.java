package cn.nantong.hotline.kb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Reads one entry file: YAML front matter between {@code ---} lines, then the Markdown body. Every rule an
 * entry must meet is checked here, so the folder sync and the editing API refuse the same things.
 */
public final class KbFileParser {

    public static final Pattern ID = Pattern.compile("[a-z0-9-]{1,80}");
    private static final Set<String> KNOWN_KEYS = Set.of("id", "title", "category", "department", "keywords",
            "effective", "review_by");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Predicate<String> departmentExists;

    public KbFileParser(Predicate<String> departmentExists) {
        this.departmentExists = departmentExists;
    }

    /** Thrown with a reason an editor can act on. */
    public static final class InvalidEntryException extends Exception {
        private final String field;

        public InvalidEntryException(String field, String reason) {
            super(reason);
            this.field = field;
        }

        /** The front-matter key at fault, or null when the file as a whole is malformed. */
        public String field() {
            return field;
        }
    }

    public KbDocument parse(String fileText) throws InvalidEntryException {
        String text = fileText.startsWith("\uFEFF") ? fileText.substring(1) : fileText;
        String[] lines = text.split("\\R", -1);
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            throw new InvalidEntryException(null, "missing front matter: the file must start with a line '---'");
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            throw new InvalidEntryException(null, "front matter is not closed: no second line '---'");
        }
        String yaml = String.join("\n", List.of(lines).subList(1, end));
        String body = String.join("\n", List.of(lines).subList(end + 1, lines.length)).strip();
        JsonNode fm;
        try {
            fm = YAML.readTree(yaml);
        } catch (Exception e) {
            throw new InvalidEntryException(null, "front matter is not valid YAML: " + firstLine(e.getMessage()));
        }
        if (fm == null || !fm.isObject()) {
            throw new InvalidEntryException(null, "front matter must be a YAML mapping of id, title, category, department …");
        }
        List<String> unknown = new ArrayList<>();
        fm.fieldNames().forEachRemaining(k -> {
            if (!KNOWN_KEYS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidEntryException(unknown.get(0), "unknown front matter keys " + unknown + "; allowed: " + KNOWN_KEYS);
        }
        KbDocument doc = new KbDocument(text(fm, "id"), text(fm, "title"), text(fm, "category"),
                text(fm, "department"), keywords(fm), body, date(fm, "effective"), date(fm, "review_by"));
        validate(doc);
        return doc;
    }

    /** The rules every entry meets, whether it comes from a file or the editing API. */
    public void validate(KbDocument doc) throws InvalidEntryException {
        require(doc.id(), "id");
        if (!ID.matcher(doc.id()).matches()) {
            throw new InvalidEntryException("id", "id '" + doc.id() + "' may only contain a-z, 0-9 and '-' (at most 80)");
        }
        require(doc.title(), "title");
        if (doc.title().length() > 200) {
            throw new InvalidEntryException("title", "title is longer than 200 characters");
        }
        require(doc.category(), "category");
        if (doc.category().length() > 50) {
            throw new InvalidEntryException("category", "category is longer than 50 characters");
        }
        require(doc.department(), "department");
        if (!departmentExists.test(doc.department())) {
            throw new InvalidEntryException("department", "unknown department '" + doc.department() + "'");
        }
        if (doc.body() == null || doc.body().isBlank()) {
            throw new InvalidEntryException("body", "the entry has no body text");
        }
        if (doc.effective() != null && doc.reviewBy() != null && doc.reviewBy().isBefore(doc.effective())) {
            throw new InvalidEntryException("review_by", "review_by " + doc.reviewBy() + " is before effective " + doc.effective());
        }
    }

    private static void require(String value, String key) throws InvalidEntryException {
        if (value == null || value.isBlank()) {
            throw new InvalidEntryException(key, "'" + key + "' is missing or empty");
        }
    }

    private static String text(JsonNode fm, String key) throws InvalidEntryException {
        JsonNode n = fm.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode()) {
            throw new InvalidEntryException(key, "'" + key + "' must be a single value");
        }
        return n.asText().strip();
    }

    private static List<String> keywords(JsonNode fm) throws InvalidEntryException {
        JsonNode n = fm.get("keywords");
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            throw new InvalidEntryException("keywords", "'keywords' must be a list, e.g. [社保卡, 补办]");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode k : n) {
            if (!k.isValueNode() || k.asText().isBlank()) {
                throw new InvalidEntryException("keywords", "'keywords' may only contain non-empty words");
            }
            out.add(k.asText().strip());
        }
        return out;
    }

    private static LocalDate date(JsonNode fm, String key) throws InvalidEntryException {
        String s = text(fm, key);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidEntryException(key, "'" + key + "' is not a date YYYY-MM-DD: " + s);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
