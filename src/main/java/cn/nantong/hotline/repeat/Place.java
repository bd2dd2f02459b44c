package cn.nantong.hotline.repeat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The place parts found in an address or a free text.
 *
 * <p>Names are kept twice: a {@code key} that different wordings of the same place share (the last two name
 * characters plus the kind word, e.g. "城南锦绣苑" and "锦绣苑" both give "锦绣苑") and a {@code display}
 * for people.
 */
public record Place(String district, String town, List<Named> roads, Set<String> roadNumbers,
                    Set<String> intersections, Set<String> routes, List<Named> estates, Set<String> buildings,
                    List<Named> villages, Set<String> groups, List<Named> landmarks, Set<String> landmarkTypes) {

    /** A place name: the comparable key, its kind ("苑", "路", "超市"...) and the text shown to people. */
    public record Named(String key, String kind, String display) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Named n && n.key.equals(key);
        }

        @Override
        public int hashCode() {
            return key.hashCode();
        }
    }

    public Place {
        roads = List.copyOf(roads);
        roadNumbers = Set.copyOf(roadNumbers);
        intersections = Set.copyOf(intersections);
        routes = Set.copyOf(routes);
        estates = List.copyOf(estates);
        buildings = Set.copyOf(buildings);
        villages = List.copyOf(villages);
        groups = Set.copyOf(groups);
        landmarks = List.copyOf(landmarks);
        landmarkTypes = Set.copyOf(landmarkTypes);
    }

    /** Both views together; the address (this) wins for the single-valued district and town. */
    public Place merge(Place other) {
        return new Place(district != null ? district : other.district, town != null ? town : other.town,
                union(roads, other.roads), union(roadNumbers, other.roadNumbers),
                union(intersections, other.intersections), union(routes, other.routes),
                union(estates, other.estates), union(buildings, other.buildings),
                union(villages, other.villages), union(groups, other.groups),
                union(landmarks, other.landmarks), union(landmarkTypes, other.landmarkTypes));
    }

    private static <T> List<T> union(List<T> a, List<T> b) {
        return new ArrayList<>(new LinkedHashSet<>(concat(a, b)));
    }

    private static <T> Set<T> union(Set<T> a, Set<T> b) {
        return new LinkedHashSet<>(concat(new ArrayList<>(a), new ArrayList<>(b)));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
