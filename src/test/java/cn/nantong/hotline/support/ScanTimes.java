package cn.nantong.hotline.support;

import java.time.Duration;
import java.time.Instant;

/**
 * Moments for driving the light scan in tests. The scan runs at most once per interval and remembers its
 * last run in the shared database, so every test must scan later than any test before it.
 */
public final class ScanTimes {

    private static Instant last = Instant.now();

    private ScanTimes() {
    }

    /** At least {@code ahead} from now, and five days (three working days or more) after any moment handed out before. */
    public static synchronized Instant next(Duration ahead) {
        Instant candidate = Instant.now().plus(ahead);
        Instant spaced = last.plus(Duration.ofDays(5));
        last = candidate.isAfter(spaced) ? candidate : spaced;
        return last;
    }
}
