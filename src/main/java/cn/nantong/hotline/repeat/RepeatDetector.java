package cn.nantong.hotline.repeat;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides whether a new report repeats an earlier one: a logistic score over the pair signals, gated on a
 * shared place and an agreeing problem, with weights that agents' decisions keep adjusting.
 */
public final class RepeatDetector {

    /** A score at or above this is a repeat; rank() also shows candidates below it. */
    public static final double THRESHOLD = 0.5;
    /** Step of one online update: a handful of agreeing decisions moves a borderline pair across the line. */
    private static final double LEARNING_RATE = 0.5;
    /** A pair showing no signal at all is far from a repeat. */
    private static final double DEFAULT_BIAS = -4.0;

    /** The bias and one weight per {@link PairSignals.Signal}, by ordinal. */
    private record Weights(double bias, double[] ofSignal) {
    }

    /** Replaced whole on every update, so readers never see a half-applied step and need no lock. */
    private volatile Weights weights;

    /** Starts from the default weights; what people teach is replayed through {@link #learn}. */
    public RepeatDetector() {
        double[] w = new double[PairSignals.SIGNALS];
        for (PairSignals.Signal s : PairSignals.Signal.values()) {
            w[s.ordinal()] = s.defaultWeight;
        }
        this.weights = new Weights(DEFAULT_BIAS, w);
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
            double step = LEARNING_RATE * ((sameProblem ? 1.0 : 0.0) - probability(weights, signals));
            double[] w = weights.ofSignal().clone();
            double[] x = signals.values();
            for (int i = 0; i < w.length; i++) {
                w[i] += step * x[i];
            }
            weights = new Weights(weights.bias() + step, w);
        }
    }

    /** The score of one pair, 0..1, without the place/problem gate. */
    public double score(ReportFeatures a, ReportFeatures b) {
        return probability(weights, PairSignals.between(a, b));
    }

    private Stream<Scored> scored(ReportFeatures incoming, List<ReportFeatures> candidates) {
        Weights w = weights;
        return candidates.stream()
                // No "received before" filter: the look-up bounds time, and of two calls recorded at the same
                // moment on two instances the one decided second may carry the earlier timestamp.
                .filter(c -> !c.report().isInquiry() && c.report().id() != incoming.report().id())
                .map(c -> {
                    PairSignals s = PairSignals.between(incoming, c);
                    return new Scored(c, s, probability(w, s));
                });
    }

    private static double probability(Weights w, PairSignals signals) {
        double z = w.bias();
        double[] x = signals.values();
        for (int i = 0; i < x.length; i++) {
            z += w.ofSignal()[i] * x[i];
        }
        return 1 / (1 + Math.exp(-z));
    }

    private record Scored(ReportFeatures candidate, PairSignals signals, double score) {
        RepeatMatch toMatch() {
            return new RepeatMatch(candidate.report().id(), score, signals.reasons());
        }
    }
}
