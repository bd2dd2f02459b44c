package cn.nantong.hotline.stats;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The coordinator board's department figures and hot topics, computed at most once per {@link #FRESH} for each
 * filter. They sum a month of tickets, so recomputing them on every load of a board that several coordinators keep
 * open would cost more than the rest of the page; half a minute old is current enough for period figures. The JSON
 * API and the exports still compute them on every request.
 */
@ApplicationScoped
public class BoardFigures {

    static final Duration FRESH = Duration.ofSeconds(30);

    /** The figures of one filter and when they were computed. */
    public record Figures(List<DepartmentStats> departments, HotTopics.Board hot, Instant computedAt) {
    }

    private final StatsService stats;
    private final HotTopics hot;
    private final Clock clock;
    private final Cache<StatsService.Period, Figures> cache = Caffeine.newBuilder()
            .expireAfterWrite(FRESH).maximumSize(500).build();

    BoardFigures(StatsService stats, HotTopics hot, Clock clock) {
        this.stats = stats;
        this.hot = hot;
        this.clock = clock;
    }

    public Figures of(StatsService.Period period) {
        return cache.get(period, p -> new Figures(stats.departments(p), hot.board(p), clock.instant()));
    }
}
