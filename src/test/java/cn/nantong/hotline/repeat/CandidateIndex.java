package cn.nantong.hotline.repeat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory form of the candidate look-up the database does: earlier non-inquiry reports sharing a place key
 * or the caller's number, from the last 90 days, newest first, at most 200. Reports must be added in the
 * order they were received; each key keeps only its own window, so a look-up never scans the whole history.
 */
public final class CandidateIndex {

    public static final Duration WINDOW = Duration.ofDays(90);
    public static final int LIMIT = 200;
    private static final String PHONE = "phone:";

    private final Map<String, Deque<ReportFeatures>> postings = new HashMap<>();

    public synchronized void add(ReportFeatures f) {
        if (f.report().isInquiry()) {
            return;
        }
        for (String key : keysOf(f)) {
            postings.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(f);
        }
    }

    public synchronized List<ReportFeatures> candidates(ReportFeatures incoming) {
        Instant now = incoming.report().receivedAt();
        Instant since = now.minus(WINDOW);
        Map<Long, ReportFeatures> found = new LinkedHashMap<>();
        for (String key : keysOf(incoming)) {
            Deque<ReportFeatures> list = postings.get(key);
            if (list == null) {
                continue;
            }
            while (!list.isEmpty() && list.peekFirst().report().receivedAt().isBefore(since)) {
                list.removeFirst();
            }
            // Newest first, and no key contributes more than the limit.
            int taken = 0;
            for (var it = list.descendingIterator(); it.hasNext() && taken < LIMIT; ) {
                ReportFeatures f = it.next();
                if (!f.report().receivedAt().isAfter(now) && f.report().id() != incoming.report().id()) {
                    found.putIfAbsent(f.report().id(), f);
                    taken++;
                }
            }
        }
        return found.values().stream()
                .sorted(Comparator.comparing((ReportFeatures f) -> f.report().receivedAt()).reversed())
                .limit(LIMIT)
                .toList();
    }

    private static List<String> keysOf(ReportFeatures f) {
        List<String> keys = new ArrayList<>(f.placeKeys());
        if (!f.phone().isEmpty()) {
            keys.add(PHONE + f.phone());
        }
        return keys;
    }
}
