package cn.nantong.hotline.kb.index;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a caller says into the official terms the entries use (驾照 → 机动车驾驶证, 揭不开锅 → 生活困难).
 *
 * <p>Matching is on the raw text, not on analysed tokens: smartcn segments a phrase differently inside a
 * sentence than alone, so token-level synonym rules silently miss exactly the long colloquial questions
 * they exist for. Lines are Solr-style equivalence groups ({@code a,b,c}); {@code #} starts a comment.
 */
public final class SynonymExpander {

    private static final Logger LOG = Logger.getLogger(SynonymExpander.class);
    /** Enough for every group a question touches; more only dilutes the caller's own words. */
    private static final int MAX_EXPANSIONS = 40;

    /** Terms by first character, longest first, so a scan tries each position against few candidates. */
    private final Map<Character, List<String>> termsByFirstChar = new HashMap<>();
    private final Map<String, List<Integer>> groupsOfTerm = new HashMap<>();
    private final List<List<String>> groups = new ArrayList<>();
    private int skippedLines;

    private SynonymExpander() {
    }

    public static SynonymExpander parse(List<String> sources) {
        SynonymExpander e = new SynonymExpander();
        for (String source : sources) {
            for (String line : source.split("\\R")) {
                e.addLine(line.strip());
            }
        }
        e.termsByFirstChar.values().forEach(l -> l.sort((a, b) -> b.length() - a.length()));
        if (e.skippedLines > 0) {
            LOG.warnf("%d synonym lines have fewer than two terms and were skipped", e.skippedLines);
        }
        return e;
    }

    /**
     * The synonym texts for a knowledge-base folder: the list shipped inside the service (so any folder gets
     * caller-to-official mappings), plus the folder's own {@code synonyms.txt} when it has one.
     */
    public static List<String> sources(Path folder) throws IOException {
        List<String> sources = new ArrayList<>();
        try (InputStream in = SynonymExpander.class.getResourceAsStream("/kb-default/synonyms.txt")) {
            if (in != null) {
                sources.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Path own = folder.resolve("synonyms.txt");
        if (Files.isRegularFile(own)) {
            sources.add(Files.readString(own));
        }
        return sources;
    }

    private void addLine(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        Set<String> terms = new LinkedHashSet<>();
        for (String t : line.split(",")) {
            String n = normalize(t).strip();
            if (!n.isEmpty()) {
                terms.add(n);
            }
        }
        if (terms.size() < 2) {
            skippedLines++;
            LOG.warnf("Synonym line skipped (needs at least two terms): %s", line);
            return;
        }
        int group = groups.size();
        groups.add(List.copyOf(terms));
        for (String t : terms) {
            List<Integer> of = groupsOfTerm.computeIfAbsent(t, k -> new ArrayList<>());
            if (of.isEmpty()) {
                termsByFirstChar.computeIfAbsent(t.charAt(0), k -> new ArrayList<>()).add(t);
            }
            of.add(group);
        }
    }

    /** The other terms of every group whose term occurs in the text, minus those already in it. */
    public List<String> expand(String text) {
        String n = normalize(text);
        Set<Integer> hitGroups = new LinkedHashSet<>();
        for (int i = 0; i < n.length(); i++) {
            List<String> candidates = termsByFirstChar.get(n.charAt(i));
            if (candidates == null) {
                continue;
            }
            for (String term : candidates) {
                if (n.startsWith(term, i)) {
                    hitGroups.addAll(groupsOfTerm.get(term));
                }
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (int g : hitGroups) {
            for (String t : groups.get(g)) {
                if (out.size() < MAX_EXPANSIONS && !n.contains(t)) {
                    out.add(t);
                }
            }
        }
        return List.copyOf(out);
    }

    public int groups() {
        return groups.size();
    }

    public int terms() {
        return groupsOfTerm.size();
    }

    public int skippedLines() {
        return skippedLines;
    }

    /** Full-width letters and digits as half-width, lower case: how callers type varies, meaning does not. */
    static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
