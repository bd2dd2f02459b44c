package cn.nantong.hotline.boot;

import org.eclipse.microprofile.config.Config;

import java.util.OptionalInt;

/**
 * How many requests the service works on at once: the size of Quarkus's worker pool, unless the operator sets
 * {@code quarkus.thread-pool.max-threads}. Quarkus's own default (at least 200) suits services that mostly wait on
 * slow back ends; intake keeps the CPU busy (its own parsing and searching, JSON, and both ends of its round trips
 * to a database on the same machine), and with more requests in progress than the cores can run, each one cost
 * more CPU, not less. On 2 cores with 16 and 64 agents sending
 * without pause, three alternating pairs of runs gave 233–312 intakes a second with 6 threads, at 3.0–4.8 ms of
 * service CPU each, against 179–248 at 4.3–6.6 ms with 200 (load-tests/README.md). Requests beyond the pool wait
 * in its queue.
 */
final class WorkerThreads {

    static final String PROPERTY = "quarkus.thread-pool.max-threads";
    static final int PER_CORE = 3;
    /** So that one long request (a history import) or a scheduled job cannot hold up most of a small pod's pool. */
    static final int MINIMUM = 4;

    private WorkerThreads() {
    }

    /** The pool size to use for this many cores, or empty when the operator has set one. */
    static OptionalInt defaultFor(Config config, int cores) {
        if (config.getOptionalValue(PROPERTY, String.class).isPresent()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Math.max(MINIMUM, PER_CORE * cores));
    }
}
