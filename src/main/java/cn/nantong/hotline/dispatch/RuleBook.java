package cn.nantong.hotline.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A set of {@link RoutingRule}s prepared for matching, and the text format of the default rules.
 *
 * <p>Keywords match as substrings, longest first: a keyword found only inside a longer matched keyword does not
 * count, so “加装电梯” (housing) is not also read as “电梯” (lift safety).
 */
final class RuleBook {

    static final RuleBook EMPTY = new RuleBook(List.of());

    private static final String CATEGORY_PREFIX = "分类:";

    /** A keyword rule with its keyword lower-cased once, so matching ignores the case of Latin letters (HPV, ETC). */
    private record Keyword(String text, RoutingRule rule) {
    }

    private final Map<Character, List<Keyword>> keywordsByFirstChar = new HashMap<>();
    private final Map<String, List<RoutingRule>> byCategory = new HashMap<>();

    RuleBook(List<RoutingRule> rules) {
        for (RoutingRule rule : rules) {
            if (rule.keyword() != null) {
                String key = rule.keyword().toLowerCase(Locale.ROOT);
                keywordsByFirstChar.computeIfAbsent(key.charAt(0), c -> new ArrayList<>()).add(new Keyword(key, rule));
            }
            if (rule.category() != null) {
                byCategory.computeIfAbsent(rule.category(), c -> new ArrayList<>()).add(rule);
            }
        }
    }

    /** The rules the text or the category meets, each once. */
    List<RoutingRule> match(String text, String category) {
        Set<RoutingRule> out = new LinkedHashSet<>();
        if (category != null) {
            out.addAll(byCategory.getOrDefault(category.strip(), List.of()));
        }
        if (text != null) {
            out.addAll(longestKeywordMatches(text.toLowerCase(Locale.ROOT)));
        }
        return List.copyOf(out);
    }

    private List<RoutingRule> longestKeywordMatches(String text) {
        record Hit(int start, int end, RoutingRule rule) {
            boolean strictlyInside(Hit o) {
                return o.start <= start && end <= o.end && o.end - o.start > end - start;
            }
        }
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            for (Keyword k : keywordsByFirstChar.getOrDefault(text.charAt(i), List.of())) {
                if (text.startsWith(k.text(), i)) {
                    hits.add(new Hit(i, i + k.text().length(), k.rule()));
                }
            }
        }
        List<RoutingRule> out = new ArrayList<>();
        for (Hit h : hits) {
            if (hits.stream().noneMatch(h::strictlyInside)) {
                out.add(h.rule());
            }
        }
        return out;
    }

    /**
     * Reads the default-rules format: one line per department and weight, then its keywords separated by blanks;
     * a word written {@code 分类:名称} is a category instead of a keyword. {@code #} starts a comment.
     * <pre>public-security 1.0 广场舞 小偷 分类:户籍与身份证</pre>
     */
    static List<RoutingRule> parse(String text) {
        List<RoutingRule> rules = new ArrayList<>();
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length < 3) {
                throw new IllegalArgumentException("line " + (n + 1) + ": expected 'department weight word…': " + line);
            }
            double weight;
            try {
                weight = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + (n + 1) + ": weight is not a number: " + parts[1]);
            }
            for (int i = 2; i < parts.length; i++) {
                String word = parts[i];
                rules.add(word.startsWith(CATEGORY_PREFIX)
                        ? new RoutingRule(null, word.substring(CATEGORY_PREFIX.length()), parts[0], weight)
                        : new RoutingRule(word, null, parts[0], weight));
            }
        }
        return rules;
    }
}
