package cn.nantong.hotline.repeat;

import cn.nantong.hotline.kb.index.SegmentedText;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the repeat detector needs of one report, computed once at intake and kept in memory. */
public final class ReportFeatures {

    private static final AddressParser PARSER = new AddressParser();
    /** Enough keys for every place a report names, few enough for one indexed look-up per intake. */
    private static final int MAX_KEYS = 8;
    /** Phrases of a caller chasing an earlier report; such a call often no longer names the problem. */
    private static final List<String> FOLLOW_UP = List.of("上次反映", "之前反映", "反映过", "再次反映", "多次反映",
            "投诉过", "打过电话", "还没解决", "没有解决", "仍未解决", "还是没人管", "还是老样子", "催一下", "催办",
            "第二次", "第三次", "第四次", "又打电话");

    private final Report report;
    private final Place place;
    private final Set<String> problemKinds;
    private final Set<String> words;
    private final Set<String> placeKeys;
    private final String phone;
    private final boolean followUp;

    private ReportFeatures(Report report, Place place, Set<String> problemKinds, Set<String> words) {
        // Features outlive the request in the repeat cache, and nothing there reads the text they came from.
        this.report = report.withoutText();
        this.place = place;
        this.problemKinds = Set.copyOf(problemKinds);
        this.words = Set.copyOf(words);
        this.placeKeys = buildKeys(place);
        this.phone = report.callerKey() == null ? "" : report.callerKey();
        String content = report.content() == null ? "" : report.content();
        this.followUp = FOLLOW_UP.stream().anyMatch(content::contains);
    }

    /** Parses the address and the content (callers often name the place only in what they say). */
    public static ReportFeatures of(Report r) {
        return of(r, SegmentedText.of(r.content()));
    }

    /** The same, with the content already cut into words. */
    public static ReportFeatures of(Report r, SegmentedText content) {
        Place fromAddress = PARSER.parse(r.address(), r.district());
        Place fromContent = PARSER.parseText(r.content(), r.district());
        return new ReportFeatures(r, fromAddress.merge(fromContent), ProblemKinds.of(r.content()),
                TextTokens.of(content));
    }

    /** Features parsed earlier (see {@link StoredFeatures}). */
    static ReportFeatures of(Report r, Place place, Set<String> problemKinds, Set<String> words) {
        return new ReportFeatures(r, place, problemKinds, words);
    }

    /** The report's identity, time, caller and type; its address and content live on only as these features. */
    public Report report() {
        return report;
    }

    /**
     * Keys for the indexed candidate look-up, most specific first, each prefixed with the district so that a
     * common name (建设路, 新华村) in one district does not pull in the others.
     */
    public Set<String> placeKeys() {
        return placeKeys;
    }

    /** A short description such as "永宁路·锦绣苑3幢" for reasons and the agent's screen. */
    public String describePlace() {
        List<String> parts = new ArrayList<>();
        place.roads().stream().findFirst().ifPresent(r -> parts.add(r.display()));
        place.estates().stream().findFirst().ifPresent(e -> parts.add(e.display() + firstBuilding()));
        place.villages().stream().findFirst().ifPresent(v -> parts.add(v.display() + firstGroup()));
        place.landmarks().stream().findFirst().ifPresent(l -> parts.add(l.display()));
        if (parts.isEmpty()) {
            place.routes().stream().findFirst().ifPresent(parts::add);
        }
        if (parts.isEmpty()) {
            parts.add(place.town() != null ? place.town() : place.district() != null ? place.district() : "地点不详");
        }
        return String.join("·", parts);
    }

    public Set<String> problemKinds() {
        return problemKinds;
    }

    public Place place() {
        return place;
    }

    Set<String> words() {
        return words;
    }

    /** Whether the caller says this chases an earlier report. */
    boolean isFollowUp() {
        return followUp;
    }

    /** The caller's key (keyed hash of the number), empty when unknown or erased. */
    String phone() {
        return phone;
    }

    private String firstBuilding() {
        return place.buildings().stream().findFirst().map(b -> b + "幢").orElse("");
    }

    private String firstGroup() {
        return place.groups().stream().findFirst().map(g -> g + "组").orElse("");
    }

    /** Plain names first (they give the recall); name+幢/组/号 combinations only while there is room. */
    private static Set<String> buildKeys(Place p) {
        List<String> keys = new ArrayList<>();
        p.estates().forEach(e -> keys.add(e.key()));
        p.villages().forEach(v -> keys.add(v.key()));
        p.landmarks().forEach(l -> keys.add(l.key()));
        keys.addAll(p.intersections());
        p.routes().forEach(r -> keys.add("线路" + r));
        p.roads().forEach(r -> keys.add(r.key()));
        p.estates().forEach(e -> p.buildings().forEach(b -> keys.add(e.key() + b + "幢")));
        p.villages().forEach(v -> p.groups().forEach(g -> keys.add(v.key() + g + "组")));
        keys.addAll(p.roadNumbers());
        String prefix = p.district() == null ? "" : p.district() + ":";
        Set<String> out = new LinkedHashSet<>();
        for (String key : keys) {
            if (out.size() == MAX_KEYS) {
                break;
            }
            out.add((prefix + key).intern()); // kept in the cache like the decoded words (StoredFeatures)
        }
        return Collections.unmodifiableSet(out);
    }
}
