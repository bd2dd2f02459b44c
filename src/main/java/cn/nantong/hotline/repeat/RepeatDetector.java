package cn.nantong.hotline.repeat;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether a new report repeats an earlier one: a logistic score over the pair signals, gated on a
 * shared place and an agreeing problem, with weights that agents' decisions keep adjusting.
 */
public final class RepeatDetector {

    public static final String BIAS = "bias";
    /** A score at or above this is a repeat; rank() also shows candidates below it. */
    public static final double THRESHOLD = 0.5;
    /** Step of one online update: a handful of agreeing decisions moves a borderline pair across the line. */
    private static final double LEARNING_RATE = 0.5;

    private static final Map<String, Double> DEFAULTS = Map.ofEntries(
            Map.entry(BIAS, -4.0),
            Map.entry(PairSignals.ESTATE, 2.5),
            Map.entry(PairSignals.BUILDING_SAME, 1.0),
            Map.entry(PairSignals.BUILDING_DIFF, -0.5),
            Map.entry(PairSignals.VILLAGE, 2.5),
            Map.entry(PairSignals.GROUP_SAME, 0.5),
            Map.entry(PairSignals.LANDMARK, 2.5),
            Map.entry(PairSignals.ROAD, 1.5),
            Map.entry(PairSignals.ROAD_NUMBER, 1.0),
            Map.entry(PairSignals.ROAD_NUMBER_DIFF, -2.5),
            Map.entry(PairSignals.INTERSECTION, 2.0),
            Map.entry(PairSignals.ROUTE, 2.0),
            Map.entry(PairSignals.DISTRICT_DIFF, -4.0),
            Map.entry(PairSignals.TOWN_DIFF, -1.0),
            Map.entry(PairSignals.PROBLEM_SAME, 3.0),
            Map.entry(PairSignals.PROBLEM_DIFF, -3.0),
            Map.entry(PairSignals.TEXT, 3.0),
            Map.entry(PairSignals.CALLER, 1.0),
            Map.entry(PairSignals.FOLLOW_UP, 3.0),
            Map.entry(PairSignals.GAP, -0.3));

    /** Replaced whole on every update, so readers never see a half-applied step and need no lock. */
    private volatile Map<String, Double> weights;

    /** Starts from the default weights; what people teach is replayed through {@link #learn}. */
    public RepeatDetector() {
        this.weights = DEFAULTS;
    }

    /** Best earlier report this one repeats, if any scores above the threshold. */
    public Optional<RepeatMatch> match(ReportFeatures incoming, List<ReportFeatures> candidates) {
        if (incoming.report().isInquiry()) {
            return Optional.empty();
        }
        return scored(incoming, candidates)
                .filter(s -> s.signals().placeAgrees() && s.signals().problemAgrees() && s.score() >= THRESHOLD)
                .max(Comparator.comparingDouble(Scored::score)
                        .thenComparing(s -> s.candidate().report().receivedAt()))
                .map(Scored::toMatch);
    }

    /** Scored candidates for the agent's screen while typing: the top n, including some below the threshold. */
    public List<RepeatMatch> rank(ReportFeatures incoming, List<ReportFeatures> candidates, int n) {
        if (incoming.report().isInquiry()) {
            return List.of();
        }
        return scored(incoming, candidates)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(n)
                .map(Scored::toMatch)
                .toList();
    }

    /**
     * One logistic-regression step on an agent's or coordinator's decision: the weights of the signals this
     * pair shows move towards the decision, and so does the score of every pair that shows them too.
     */
    public void learn(ReportFeatures a, ReportFeatures b, boolean sameProblem) {
        if (a.report().isInquiry() || b.report().isInquiry()) {
            return;
        }
        PairSignals signals = PairSignals.between(a, b);
        synchronized (this) {
            Map<String, Double> w = new HashMap<>(weights);
            double error = (sameProblem ? 1.0 : 0.0) - probability(w, signals);
            w.merge(BIAS, LEARNING_RATE * error, Double::sum);
            signals.values().forEach((name, x) -> w.merge(name, LEARNING_RATE * error * x, Double::sum));
            weights = Map.copyOf(w);
        }
    }

    /** The score of one pair, 0..1, without the place/problem gate. */
    public double score(ReportFeatures a, ReportFeatures b) {
        return probability(weights, PairSignals.between(a, b));
    }

    private Stream<Scored> scored(ReportFeatures incoming, List<ReportFeatures> candidates) {
        Map<String, Double> w = weights;
        return candidates.stream()
                // No "received before" filter: the look-up bounds time, and of two calls recorded at the same
                // moment on two instances the one decided second may carry the earlier timestamp.
                .filter(c -> !c.report().isInquiry() && c.report().id() != incoming.report().id())
                .map(c -> {
                    PairSignals s = PairSignals.between(incoming, c);
                    return new Scored(c, s, probability(w, s));
                });
    }

    private static double probability(Map<String, Double> w, PairSignals signals) {
        double z = w.getOrDefault(BIAS, 0.0);
        for (Map.Entry<String, Double> e : signals.values().entrySet()) {
            z += w.getOrDefault(e.getKey(), 0.0) * e.getValue();
        }
        return 1 / (1 + Math.exp(-z));
    }

    private record Scored(ReportFeatures candidate, PairSignals signals, double score) {
        RepeatMatch toMatch() {
            return new RepeatMatch(candidate.report().id(), score, signals.reasons());
        }
    }
}
