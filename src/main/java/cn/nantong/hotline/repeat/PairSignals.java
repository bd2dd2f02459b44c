package cn.nantong.hotline.repeat;

import cn.nantong.hotline.repeat.Place.Named;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The signals comparing two reports: a feature vector for the detector's weights, whether place and problem agree
 * at all (both are required before anything is called a repeat), and the Chinese reasons that go with them.
 *
 * <p>An intake scores up to fifty candidates and shows the reasons of one, so the reasons are written only when
 * asked for; building them for every pair was a third of the comparison's cost.
 */
record PairSignals(Map<String, Double> values, boolean placeAgrees, boolean problemAgrees, ReportFeatures a,
                   ReportFeatures b) {

    static final String ESTATE = "place.estate";
    static final String BUILDING_SAME = "place.building.same";
    static final String BUILDING_DIFF = "place.building.diff";
    static final String VILLAGE = "place.village";
    static final String GROUP_SAME = "place.group.same";
    static final String LANDMARK = "place.landmark";
    static final String ROAD = "place.road";
    static final String ROAD_NUMBER = "place.road.number";
    static final String ROAD_NUMBER_DIFF = "place.road.number.diff";
    static final String INTERSECTION = "place.intersection";
    static final String ROUTE = "place.route";
    static final String DISTRICT_DIFF = "place.district.diff";
    static final String TOWN_DIFF = "place.town.diff";
    static final String PROBLEM_SAME = "problem.same";
    static final String PROBLEM_DIFF = "problem.diff";
    static final String TEXT = "text.similarity";
    static final String CALLER = "caller.same";
    static final String FOLLOW_UP = "caller.follow.up";
    static final String GAP = "time.gap.months";
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
        Map<String, Double> v = new LinkedHashMap<>();
        boolean sameDistrict = p.district() == null || q.district() == null || p.district().equals(q.district());
        if (!sameDistrict) {
            v.put(DISTRICT_DIFF, 1.0);
            say(reasons, () -> "不同区县：" + p.district() + " / " + q.district());
        }
        boolean place = sameDistrict && comparePlaces(p, q, v, reasons);

        Set<String> shared = intersect(a.problemKinds(), b.problemKinds());
        if (!shared.isEmpty()) {
            v.put(PROBLEM_SAME, shared.size() / (double) Math.min(a.problemKinds().size(), b.problemKinds().size()));
            say(reasons, () -> "同类问题：" + String.join("、", shared));
        } else if (!a.problemKinds().isEmpty() && !b.problemKinds().isEmpty()) {
            v.put(PROBLEM_DIFF, 1.0);
            say(reasons, () -> "问题不同：" + String.join("、", a.problemKinds()) + " / " + String.join("、", b.problemKinds()));
        }
        double text = TextTokens.similarity(a.words(), b.words());
        v.put(TEXT, text);
        if (text >= 0.15) {
            say(reasons, () -> String.format("描述相近：%.0f%%", text * 100));
        }
        boolean sameCaller = !a.phone().isEmpty() && a.phone().equals(b.phone());
        if (sameCaller) {
            v.put(CALLER, 1.0);
            say(reasons, () -> "同一来电人");
        }
        // "上次反映的事还没解决" from the same caller about the same place stands in for naming the problem.
        boolean chases = sameCaller && shared.isEmpty() && (unnamedFollowUp(a) || unnamedFollowUp(b));
        if (chases) {
            v.put(FOLLOW_UP, 1.0);
            say(reasons, () -> "同一来电人催办");
        }
        long days = Math.abs(Duration.between(a.report().receivedAt(), b.report().receivedAt()).toDays());
        v.put(GAP, days / 30.0);
        say(reasons, () -> "相隔" + days + "天");
        boolean problem = !shared.isEmpty() || chases || (!v.containsKey(PROBLEM_DIFF) && text >= TEXT_AGREES);
        return new PairSignals(Map.copyOf(v), place, problem, a, b);
    }

    private static boolean unnamedFollowUp(ReportFeatures f) {
        return f.isFollowUp() && f.problemKinds().isEmpty();
    }

    /** Fills the place features; true when at least one named place is shared. */
    private static boolean comparePlaces(Place p, Place q, Map<String, Double> v, List<String> reasons) {
        boolean agrees = false;
        Set<String> estates = sharedKeys(p.estates(), q.estates());
        if (!estates.isEmpty()) {
            agrees = true;
            v.put(ESTATE, 1.0);
            Set<String> buildings = intersect(p.buildings(), q.buildings());
            if (!buildings.isEmpty()) {
                v.put(BUILDING_SAME, 1.0);
            } else if (!p.buildings().isEmpty() && !q.buildings().isEmpty()) {
                v.put(BUILDING_DIFF, 1.0);
                say(reasons, () -> "楼幢不同：" + String.join("、", p.buildings()) + "幢 / " + String.join("、", q.buildings()) + "幢");
            }
            say(reasons, () -> "同一小区：" + displayOf(p.estates(), estates)
                    + (buildings.isEmpty() ? "" : buildings.iterator().next() + "幢"));
        }
        Set<String> villages = sharedKeys(p.villages(), q.villages());
        if (!villages.isEmpty()) {
            agrees = true;
            v.put(VILLAGE, 1.0);
            Set<String> groups = intersect(p.groups(), q.groups());
            if (!groups.isEmpty()) {
                v.put(GROUP_SAME, 1.0);
            }
            say(reasons, () -> "同一村组：" + displayOf(p.villages(), villages)
                    + (groups.isEmpty() ? "" : groups.iterator().next() + "组"));
        }
        agrees |= shared(LANDMARK, "同一场所：", p.landmarks(), q.landmarks(), v, reasons);
        agrees |= sharedStrings(INTERSECTION, "同一路口：", p.intersections(), q.intersections(), v, reasons);
        agrees |= sharedStrings(ROUTE, "同一线路：", p.routes(), q.routes(), v, reasons);
        boolean named = agrees;
        boolean road = shared(ROAD, "同一道路：", p.roads(), q.roads(), v, reasons);
        boolean number = sharedStrings(ROAD_NUMBER, "同一门牌：", p.roadNumbers(), q.roadNumbers(), v, reasons);
        // Two house numbers on one long road are two sites, unless a shared 小区 or landmark says otherwise.
        if (road && !named && !number && !p.roadNumbers().isEmpty() && !q.roadNumbers().isEmpty()) {
            v.put(ROAD_NUMBER_DIFF, 1.0);
            say(reasons, () -> "门牌不同：" + String.join("、", p.roadNumbers()) + " / " + String.join("、", q.roadNumbers()));
        }
        agrees |= road;
        if (p.town() != null && q.town() != null && !p.town().equals(q.town())) {
            v.put(TOWN_DIFF, 1.0);
        }
        return agrees;
    }

    private static boolean shared(String feature, String label, List<Named> a, List<Named> b,
                                  Map<String, Double> v, List<String> reasons) {
        Set<String> keys = sharedKeys(a, b);
        if (keys.isEmpty()) {
            return false;
        }
        v.put(feature, 1.0);
        say(reasons, () -> label + displayOf(a, keys));
        return true;
    }

    private static boolean sharedStrings(String feature, String label, Set<String> a, Set<String> b,
                                         Map<String, Double> v, List<String> reasons) {
        Set<String> keys = intersect(a, b);
        if (keys.isEmpty()) {
            return false;
        }
        v.put(feature, 1.0);
        say(reasons, () -> label + keys.iterator().next());
        return true;
    }

    /** The keys both lists name; the lists hold a place or two, so a nested loop beats building sets. */
    private static Set<String> sharedKeys(List<Named> a, List<Named> b) {
        Set<String> out = Set.of();
        for (Named x : a) {
            for (Named y : b) {
                if (x.key().equals(y.key())) {
                    out = out.isEmpty() ? new TreeSet<>() : out;
                    out.add(x.key());
                }
            }
        }
        return out;
    }

    private static String displayOf(List<Named> names, Set<String> keys) {
        return names.stream().filter(n -> keys.contains(n.key())).map(Named::display).findFirst()
                .orElse(Objects.toString(keys.iterator().next()));
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty() || Collections.disjoint(a, b)) {
            return Set.of();
        }
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }

    private static void say(List<String> reasons, Supplier<String> reason) {
        if (reasons != null) {
            reasons.add(reason.get());
        }
    }
}
