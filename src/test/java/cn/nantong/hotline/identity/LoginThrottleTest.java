package cn.nantong.hotline.identity;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LoginThrottleTest {

    private final MovingClock clock = new MovingClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, 5, 5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    @Test
    void theFifthFailureWithinTheWindowLocksTheUsernameForTheLockout() {
        for (int i = 0; i < 4; i++) {
            assertFalse(throttle.failed("agent1", "10.0.0." + i));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(Optional.empty(), throttle.refusal("agent1", "10.0.0.9"));
        assertTrue(throttle.failed("agent1", "10.0.0.5"), "the fifth failure locks");
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.refusal("agent1", "10.0.0.9"));
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.refusal("AGENT1", null), "case does not matter");
        assertEquals(Optional.empty(), throttle.refusal("agent2", "10.0.0.9"), "other users are not affected");

        clock.advance(Duration.ofMinutes(14));
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.refusal("agent1", "10.0.0.9"));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), throttle.refusal("agent1", "10.0.0.9"), "the lockout ends");
        assertFalse(throttle.failed("agent1", "10.0.0.9"), "and the count starts again");
    }

    @Test
    void failuresOlderThanTheWindowNoLongerCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("coord1", null);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 4; i++) {
            assertFalse(throttle.failed("coord1", null));
        }
        assertEquals(Optional.empty(), throttle.refusal("coord1", null));
    }

    @Test
    void aSuccessResetsTheCount() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("editor1", "10.1.1.1");
        }
        throttle.succeeded("editor1", "10.1.1.1");
        for (int i = 0; i < 4; i++) {
            assertFalse(throttle.failed("editor1", "10.1.1.1"));
        }
        assertEquals(Optional.empty(), throttle.refusal("editor1", "10.1.1.1"));
    }

    @Test
    void oneAddressTryingManyUsernamesIsLockedToo() {
        for (int i = 0; i < 4; i++) {
            assertFalse(throttle.failed("user" + i, "203.0.113.7"));
        }
        assertTrue(throttle.failed("user4", "203.0.113.7"));
        assertTrue(throttle.refusal("someone-else", "203.0.113.7").isPresent(), "every username from that address");
        assertEquals(Optional.empty(), throttle.refusal("someone-else", "203.0.113.8"));
        assertEquals(Optional.empty(), throttle.refusal("user1", "198.51.100.1"), "the usernames themselves are not");
    }

    @Test
    void theAddressLimitIsSeparate() {
        LoginThrottle lenient = new LoginThrottle(clock, 5, 50, Duration.ofMinutes(15), Duration.ofMinutes(15));
        for (int i = 0; i < 20; i++) {
            lenient.failed("user" + i, "192.0.2.1");
        }
        assertEquals(Optional.empty(), lenient.refusal("new-user", "192.0.2.1"), "a shared call-centre address");
    }

    /** A clock the test moves by hand. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T01:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
