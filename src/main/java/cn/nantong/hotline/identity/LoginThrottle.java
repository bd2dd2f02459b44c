package cn.nantong.hotline.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Slows password guessing: after {@code maxFailures} failed logins for one username, or
 * {@code maxAddressFailures} from one client address, within {@code window}, every further attempt for it is
 * refused for {@code lockout} without checking the password. A successful login clears both counters. Per instance and in memory: N instances
 * allow N times the attempts, which still turns a guessing run into weeks.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bounds the memory an attacker can fill by trying ever-new usernames or addresses. */
    private static final int MAX_TRACKED = 100_000;
    private static final String USER = "u:";
    private static final String ADDRESS = "a:";

    private final Clock clock;
    private final int maxFailures;
    private final int maxAddressFailures;
    private final Duration window;
    private final Duration lockout;
    private final Cache<String, Record> records;

    @Inject
    LoginThrottle(Clock clock,
                  @ConfigProperty(name = "hotline.auth.throttle.max-failures", defaultValue = "5") int maxFailures,
                  @ConfigProperty(name = "hotline.auth.throttle.max-failures-per-address", defaultValue = "5")
                  int maxAddressFailures,
                  @ConfigProperty(name = "hotline.auth.throttle.window", defaultValue = "15m") Duration window,
                  @ConfigProperty(name = "hotline.auth.throttle.lockout", defaultValue = "15m") Duration lockout) {
        if (maxFailures < 1 || maxAddressFailures < 1) {
            throw new IllegalArgumentException("hotline.auth.throttle.max-failures(-per-address) must be at least 1");
        }
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.maxAddressFailures = maxAddressFailures;
        this.window = window;
        this.lockout = lockout;
        this.records = Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED)
                // Nothing about a key matters once both its window and its lockout have passed.
                .expireAfterAccess(window.plus(lockout).toMillis(), TimeUnit.MILLISECONDS)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .build();
    }

    /** How long attempts for this username or from this address are still refused; empty when they may try. */
    public Optional<Duration> refusal(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : keys(username, address)) {
            Record r = records.getIfPresent(key);
            Duration left = r == null ? Duration.ZERO : r.lockedFor(now);
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Counts a wrong password; answers true when this failure locked the username or the address. */
    public boolean failed(String username, String address) {
        Instant now = clock.instant();
        boolean locked = false;
        for (String key : keys(username, address)) {
            Record r = records.get(key, k -> new Record());
            locked |= r.fail(now, window, key.startsWith(ADDRESS) ? maxAddressFailures : maxFailures, lockout);
        }
        return locked;
    }

    public void succeeded(String username, String address) {
        records.invalidateAll(keys(username, address));
    }

    private static List<String> keys(String username, String address) {
        // Usernames are compared as typed elsewhere; folding case here only stops "Agent1" from being a fresh counter.
        String user = USER + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
        return address == null || address.isBlank() ? List.of(user) : List.of(user, ADDRESS + address);
    }

    /** Recent failures of one key and the end of its lockout; guarded by its own monitor. */
    private static final class Record {
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil = Instant.MIN;

        synchronized Duration lockedFor(Instant now) {
            return now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil) : Duration.ZERO;
        }

        synchronized boolean fail(Instant now, Duration window, int maxFailures, Duration lockout) {
            if (now.isBefore(lockedUntil)) {
                // Refused attempts never reach here; a late answer to a check begun before the lock changes nothing.
                return false;
            }
            failures.addLast(now);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(now.minus(window))) {
                failures.removeFirst();
            }
            if (failures.size() < maxFailures) {
                return false;
            }
            failures.clear();
            lockedUntil = now.plus(lockout);
            return true;
        }
    }
}
