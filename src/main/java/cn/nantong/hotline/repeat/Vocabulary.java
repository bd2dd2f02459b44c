package cn.nantong.hotline.repeat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A word list loaded from a classpath resource, mapping surface words to canonical labels. */
final class Vocabulary {

    /** One dictionary word found in a text. */
    record Hit(int start, int end, String word, Set<String> labels) {
    }

    private final Map<String, Set<String>> labelsOf;
    private final int longest;

    private Vocabulary(Map<String, Set<String>> labelsOf) {
        this.labelsOf = Map.copyOf(labelsOf);
        this.longest = labelsOf.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** Reads lines {@code label: word word ...}; '#' starts a comment line. A word may carry several labels. */
    static Vocabulary load(String resource) {
        InputStream in = Vocabulary.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing vocabulary resource " + resource);
        }
        Map<String, Set<String>> labelsOf = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                String label = line.substring(0, colon).trim();
                for (String word : line.substring(colon + 1).trim().split("\\s+")) {
                    if (!word.isEmpty()) {
                        labelsOf.computeIfAbsent(word, w -> new LinkedHashSet<>()).add(label);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        labelsOf.replaceAll((w, labels) -> Set.copyOf(labels));
        return new Vocabulary(labelsOf);
    }

    /** The first label of a word, or null if the word is unknown. */
    String labelOf(String word) {
        Set<String> labels = labelsOf.get(word);
        return labels == null ? null : labels.iterator().next();
    }

    /**
     * Forward maximum matching: at each position the longest dictionary word wins and its characters are
     * consumed, so a telling phrase is not also counted as the generic word it contains.
     */
    List<Hit> scan(String text) {
        List<Hit> hits = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            Hit hit = longestAt(text, i);
            if (hit == null) {
                i++;
            } else {
                hits.add(hit);
                i = hit.end();
            }
        }
        return hits;
    }

    private Hit longestAt(String text, int start) {
        for (int len = Math.min(longest, text.length() - start); len > 0; len--) {
            String candidate = text.substring(start, start + len);
            Set<String> labels = labelsOf.get(candidate);
            if (labels != null) {
                return new Hit(start, start + len, candidate, labels);
            }
        }
        return null;
    }
}
