package cn.nantong.hotline.repeat;

import cn.nantong.hotline.repeat.Place.Named;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The signals comparing two reports: a feature vector for the detector's weights, whether place and problem agree
 * at all (both are required before anything is called a repeat), and the Chinese reasons that go with them.
 *
 * <p>An intake scores up to fifty candidates and shows the reasons of one, so the reasons (and the sets of shared
 * names they quote) are built only when asked for. The vector is an array indexed by {@link Signal} (the caller reads
 * it, never writes it), so scoring a pair needs no boxing and no look-up of weights by name.
 */
record PairSignals(double[] values, boolean placeAgrees, boolean problemAgrees, ReportFeatures a, ReportFeatures b) {

    /** What two reports can have in common or not, each with the weight the detector starts from. */
    enum Signal {
        ESTATE(2.5), BUILDING_SAME(1.0), BUILDING_DIFF(-0.5), VILLAGE(2.5), GROUP_SAME(0.5), LANDMARK(2.5),
        ROAD(1.5), ROAD_NUMBER(1.0), ROAD_NUMBER_DIFF(-2.5), INTERSECTION(2.0), ROUTE(2.0), DISTRICT_DIFF(-4.0),
        TOWN_DIFF(-1.0), PROBLEM_SAME(3.0), PROBLEM_DIFF(-3.0), TEXT(3.0), CALLER(1.0), FOLLOW_UP(3.0),
        /** Months between the two calls. */
        GAP(-0.3);

        final double defaultWeight;

        Signal(double defaultWeight) {
            this.defaultWeight = defaultWeight;
        }
    }

    static final int SIGNALS = Signal.values().length;
    /** Text this close counts as the same problem even when the vocabulary names no kind. */
    private static final double TEXT_AGREES = 0.3;

    static PairSignals between(ReportFeatures a, ReportFeatures b) {
        return compare(a, b, null);
    }

    /** Why the two reports look alike or not, for people. */
    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        compare(a, b, reasons);
        return reasons;
    }

    /** The signals; {@code reasons} (when not null) receives the reasons as well. */
    private static PairSignals compare(ReportFeatures a, ReportFeatures b, List<String> reasons) {
        Place p = a.place();
        Place q = b.place();
        double[] v = new double[SIGNALS];
        boolean sameDistrict = p.district() == null || q.district() == null || p.district().equals(q.district());
        if (!sameDistrict) {
            set(v, Signal.DISTRICT_DIFF, 1.0);
            say(reasons, () -> "不同区县：" + p.district() + " / " + q.district());
        }
        boolean place = sameDistrict && comparePlaces(p, q, v, reasons);

        Set<String> kindsA = a.problemKinds();
        Set<String> kindsB = b.problemKinds();
        int shared = TextTokens.overlap(kindsA, kindsB);
        boolean problemDiffers = shared == 0 && !kindsA.isEmpty() && !kindsB.isEmpty();
        if (shared > 0) {
            set(v, Signal.PROBLEM_SAME, shared / (double) Math.min(kindsA.size(), kindsB.size()));
            say(reasons, () -> "同类问题：" + String.join("、", intersect(kindsA, kindsB)));
        } else if (problemDiffers) {
            set(v, Signal.PROBLEM_DIFF, 1.0);
            say(reasons, () -> "问题不同：" + String.join("、", kindsA) + " / " + String.join("、", kindsB));
        }
        double text = TextTokens.similarity(a.words(), b.words());
        set(v, Signal.TEXT, text);
        if (text >= 0.15) {
            say(reasons, () -> String.format("描述相近：%.0f%%", text * 100));
        }
        boolean sameCaller = !a.phone().isEmpty() && a.phone().equals(b.phone());
        if (sameCaller) {
            set(v, Signal.CALLER, 1.0);
            say(reasons, () -> "同一来电人");
        }
        // "上次反映的事还没解决" from the same caller about the same place stands in for naming the problem.
        boolean chases = sameCaller && shared == 0 && (unnamedFollowUp(a) || unnamedFollowUp(b));
        if (chases) {
            set(v, Signal.FOLLOW_UP, 1.0);
            say(reasons, () -> "同一来电人催办");
        }
        long days = Math.abs(Duration.between(a.report().receivedAt(), b.report().receivedAt()).toDays());
        set(v, Signal.GAP, days / 30.0);
        say(reasons, () -> "相隔" + days + "天");
        boolean problem = shared > 0 || chases || (!problemDiffers && text >= TEXT_AGREES);
        return new PairSignals(v, place, problem, a, b);
    }

    private static boolean unnamedFollowUp(ReportFeatures f) {
        return f.isFollowUp() && f.problemKinds().isEmpty();
    }

    /** Fills the place features; true when at least one named place is shared. */
    private static boolean comparePlaces(Place p, Place q, double[] v, List<String> reasons) {
        boolean agrees = false;
        if (firstShared(p.estates(), q.estates()) != null) {
            agrees = true;
            set(v, Signal.ESTATE, 1.0);
            boolean sameBuilding = TextTokens.overlap(p.buildings(), q.buildings()) > 0;
            if (sameBuilding) {
                set(v, Signal.BUILDING_SAME, 1.0);
            } else if (!p.buildings().isEmpty() && !q.buildings().isEmpty()) {
                set(v, Signal.BUILDING_DIFF, 1.0);
                say(reasons, () -> "楼幢不同：" + String.join("、", p.buildings()) + "幢 / " + String.join("、", q.buildings()) + "幢");
            }
            say(reasons, () -> "同一小区：" + firstShared(p.estates(), q.estates())
                    + (sameBuilding ? first(p.buildings(), q.buildings()) + "幢" : ""));
        }
        if (firstShared(p.villages(), q.villages()) != null) {
            agrees = true;
            set(v, Signal.VILLAGE, 1.0);
            boolean sameGroup = TextTokens.overlap(p.groups(), q.groups()) > 0;
            if (sameGroup) {
                set(v, Signal.GROUP_SAME, 1.0);
            }
            say(reasons, () -> "同一村组：" + firstShared(p.villages(), q.villages())
                    + (sameGroup ? first(p.groups(), q.groups()) + "组" : ""));
        }
        agrees |= shared(Signal.LANDMARK, "同一场所：", p.landmarks(), q.landmarks(), v, reasons);
        agrees |= sharedStrings(Signal.INTERSECTION, "同一路口：", p.intersections(), q.intersections(), v, reasons);
        agrees |= sharedStrings(Signal.ROUTE, "同一线路：", p.routes(), q.routes(), v, reasons);
        boolean named = agrees;
        boolean road = shared(Signal.ROAD, "同一道路：", p.roads(), q.roads(), v, reasons);
        boolean number = sharedStrings(Signal.ROAD_NUMBER, "同一门牌：", p.roadNumbers(), q.roadNumbers(), v, reasons);
        // Two house numbers on one long road are two sites, unless a shared 小区 or landmark says otherwise.
        if (road && !named && !number && !p.roadNumbers().isEmpty() && !q.roadNumbers().isEmpty()) {
            set(v, Signal.ROAD_NUMBER_DIFF, 1.0);
            say(reasons, () -> "门牌不同：" + String.join("、", p.roadNumbers()) + " / " + String.join("、", q.roadNumbers()));
        }
        agrees |= road;
        if (p.town() != null && q.town() != null && !p.town().equals(q.town())) {
            set(v, Signal.TOWN_DIFF, 1.0);
        }
        return agrees;
    }

    private static boolean shared(Signal signal, String label, List<Named> a, List<Named> b, double[] v,
                                  List<String> reasons) {
        if (firstShared(a, b) == null) {
            return false;
        }
        set(v, signal, 1.0);
        say(reasons, () -> label + firstShared(a, b));
        return true;
    }

    private static boolean sharedStrings(Signal signal, String label, Set<String> a, Set<String> b, double[] v,
                                         List<String> reasons) {
        if (TextTokens.overlap(a, b) == 0) {
            return false;
        }
        set(v, signal, 1.0);
        say(reasons, () -> label + first(a, b));
        return true;
    }

    /** How a name of {@code a} that {@code b} also names is shown; the lists hold a place or two, hence the loops. */
    private static String firstShared(List<Named> a, List<Named> b) {
        for (Named x : a) {
            for (Named y : b) {
                if (x.key().equals(y.key())) {
                    return x.display();
                }
            }
        }
        return null;
    }

    /** The first shared string in sort order, so a reason quotes the same one however the sets were filled. */
    private static String first(Set<String> a, Set<String> b) {
        return intersect(a, b).iterator().next();
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static void set(double[] v, Signal s, double x) {
        v[s.ordinal()] = x;
    }

    private static void say(List<String> reasons, Supplier<String> reason) {
        if (reasons != null) {
            reasons.add(reason.get());
        }
    }
}
