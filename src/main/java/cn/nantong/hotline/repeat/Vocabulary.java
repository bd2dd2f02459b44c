package cn.nantong.hotline.repeat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** A word list loaded from a classpath resource, mapping surface words to canonical labels. */
final class Vocabulary {

    /** One dictionary word found in a text. */
    record Hit(int start, int end, String word, Set<String> labels) {
    }

    private final Map<String, Set<String>> labelsOf;
    /**
     * The words as a character trie: a scan looked up every substring up to the longest word's length at every
     * position, and those look-ups were 4.6 % of the service's CPU samples under intake load; the trie stops at the
     * first character no word continues with, which at most positions is the first.
     */
    private final Node root;

    private Vocabulary(Map<String, Set<String>> labelsOf) {
        this.labelsOf = Map.copyOf(labelsOf);
        this.root = Node.of(new TreeMap<>(this.labelsOf), 0);
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
        // Not Set.copyOf: its iteration order changes from one JVM start to the next, and labelOf means the first listed.
        labelsOf.replaceAll((w, labels) -> Collections.unmodifiableSet(labels));
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
        Node best = null;
        int bestEnd = start;
        Node node = root;
        for (int i = start; i < text.length() && (node = node.child(text.charAt(i))) != null; i++) {
            if (node.labels != null) {
                best = node;
                bestEnd = i + 1;
            }
        }
        return best == null ? null : new Hit(start, bestEnd, best.word, best.labels);
    }

    /** A trie node: the word ending here (if any) and the children by next character, sorted for binary search. */
    private record Node(String word, Set<String> labels, char[] keys, Node[] children) {

        /** The node for the words of {@code sorted} that share their first {@code depth} characters. */
        static Node of(SortedMap<String, Set<String>> sorted, int depth) {
            String word = null;
            Set<String> labels = null;
            Map<Character, SortedMap<String, Set<String>>> byNext = new TreeMap<>();
            for (Map.Entry<String, Set<String>> e : sorted.entrySet()) {
                if (e.getKey().length() == depth) {
                    word = e.getKey();
                    labels = e.getValue();
                } else {
                    byNext.computeIfAbsent(e.getKey().charAt(depth), c -> new TreeMap<>()).put(e.getKey(), e.getValue());
                }
            }
            char[] keys = new char[byNext.size()];
            Node[] children = new Node[byNext.size()];
            int i = 0;
            for (Map.Entry<Character, SortedMap<String, Set<String>>> e : byNext.entrySet()) {
                keys[i] = e.getKey();
                children[i++] = of(e.getValue(), depth + 1);
            }
            return new Node(word, labels, keys, children);
        }

        Node child(char c) {
            int i = Arrays.binarySearch(keys, c);
            return i < 0 ? null : children[i];
        }
    }
}
