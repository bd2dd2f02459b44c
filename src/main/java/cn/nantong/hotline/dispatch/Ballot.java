package cn.nantong.hotline.dispatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence gathered for each department during one suggest call, turned into scores and reasons.
 *
 * <p>A score is the department's share of all evidence plus a fixed mass of “no idea”, so one weak clue yields a low
 * score rather than 1.0, and scores mean the same from one call to the next.
 */
final class Ballot {

    /** Evidence that has to be outweighed before any department looks more likely than not. */
    private static final double UNEXPLAINED = 1.0;

    private record Reason(String text, double weight) {
    }

    private static final class Tally {
        double evidence;
        final List<Reason> reasons = new ArrayList<>();
    }

    private final Map<String, Tally> tallies = new HashMap<>();

    /** Adds (or with a negative weight, takes away) evidence for a department, with the reason shown to the agent. */
    void add(String department, double weight, String reason) {
        Tally t = tallies.computeIfAbsent(department, d -> new Tally());
        t.evidence += weight;
        t.reasons.add(new Reason(reason, weight));
    }

    /** Departments left with positive evidence, best first (ties by code, so results are stable). */
    List<Suggestion> top(int max) {
        double total = UNEXPLAINED + tallies.values().stream().mapToDouble(t -> Math.max(0, t.evidence)).sum();
        return tallies.entrySet().stream()
                .filter(e -> e.getValue().evidence > 0)
                .sorted(Comparator.comparingDouble((Map.Entry<String, Tally> e) -> -e.getValue().evidence)
                        .thenComparing(Map.Entry::getKey))
                .limit(max)
                .map(e -> new Suggestion(e.getKey(), e.getValue().evidence / total, reasons(e.getValue())))
                .toList();
    }

    private static List<String> reasons(Tally t) {
        return t.reasons.stream()
                .sorted(Comparator.comparingDouble((Reason r) -> -Math.abs(r.weight())))
                .map(Reason::text)
                .distinct()
                .toList();
    }
}
