package cn.nantong.hotline.kb.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The snippet under a hit: the one or two sentences of the entry that contain most of the question's words,
 * HTML-escaped, matches in {@code <em>}. Written here rather than with Lucene's UnifiedHighlighter because
 * that cost 30 % of every search on a 10,000-entry index, for sentences we can find with a few indexOf calls.
 */
final class Snippets {

    static final int MAX_CHARS = 120;

    private Snippets() {
    }

    /** @param terms the question's words and bigrams; single characters are ignored (they match everywhere) */
    static String of(String text, Collection<String> terms) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean[] marked = new boolean[text.length()];
        for (String term : terms) {
            if (term.length() < 2) {
                continue;
            }
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                for (int i = at; i < at + term.length(); i++) {
                    marked[i] = true;
                }
            }
        }
        List<int[]> sentences = sentences(text);
        List<int[]> best = new ArrayList<>(sentences);
        best.sort(Comparator.comparingInt((int[] s) -> -distinctMatches(text, s, terms)).thenComparingInt(s -> s[0]));
        List<int[]> chosen = new ArrayList<>();
        int used = 0;
        for (int[] s : best) {
            if (chosen.size() == 2 || (used > 0 && used + (s[1] - s[0]) > MAX_CHARS)) {
                break;
            }
            if (!chosen.isEmpty() && distinctMatches(text, s, terms) == 0) {
                break;
            }
            chosen.add(window(s, marked));
            used += chosen.get(chosen.size() - 1)[1] - chosen.get(chosen.size() - 1)[0];
        }
        chosen.sort(Comparator.comparingInt(s -> s[0]));
        StringBuilder out = new StringBuilder();
        for (int[] s : chosen) {
            if (out.length() > 0) {
                out.append('…');
            }
            render(text, s[0], s[1], marked, out);
        }
        return out.toString();
    }

    /** Sentence spans [start, end), ending after 。！？； or a line break, blank ones dropped. */
    private static List<int[]> sentences(String text) {
        List<int[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '！' || c == '？' || c == '；' || c == '\n') {
                add(text, start, i + 1, out);
                start = i + 1;
            }
        }
        add(text, start, text.length(), out);
        return out;
    }

    private static void add(String text, int start, int end, List<int[]> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new int[]{start, end});
        }
    }

    private static int distinctMatches(String text, int[] s, Collection<String> terms) {
        String sentence = text.substring(s[0], s[1]);
        Set<String> found = new HashSet<>();
        for (String t : terms) {
            if (t.length() >= 2 && sentence.contains(t)) {
                found.add(t);
            }
        }
        return found.size();
    }

    /** A long sentence is cut to MAX_CHARS around its first match. */
    private static int[] window(int[] s, boolean[] marked) {
        if (s[1] - s[0] <= MAX_CHARS) {
            return s;
        }
        int first = s[0];
        while (first < s[1] && !marked[first]) {
            first++;
        }
        int start = first == s[1] ? s[0] : Math.max(s[0], first - MAX_CHARS / 4);
        return new int[]{start, Math.min(s[1], start + MAX_CHARS)};
    }

    private static void render(String text, int start, int end, boolean[] marked, StringBuilder out) {
        boolean open = false;
        for (int i = start; i < end; i++) {
            if (marked[i] && !open) {
                out.append("<em>");
                open = true;
            } else if (!marked[i] && open) {
                out.append("</em>");
                open = false;
            }
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\n' -> out.append(' ');
                default -> out.append(c);
            }
        }
        if (open) {
            out.append("</em>");
        }
    }
}
