package cn.nantong.hotline.loadtest;

import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The measured part of a Gatling run that began with a lead-in of the same load. The lead-in is there for the load
 * generator's own sake: a freshly started Gatling JVM spent 7 ms of CPU per request in its first 20 s and about
 * 1 ms after a minute (run-intake-benchmark.sh, 2026-11-27), and on 2 cores that CPU is taken from the service.
 * Gatling's own statistics cover the whole run, so the measured requests (those started inside the window) are
 * recorded here and printed as {@code MEASURED} lines that the benchmark script reads. Recording and printing share
 * one lock: answers still arriving after the run (a queue cut off at its end) must not meet a histogram being read,
 * which a ConcurrentHistogram does not allow (its iterator threw ConcurrentModificationException, 2026-12-07).
 */
final class MeasuredWindow {

    private final long leadInMillis;
    private final long durationMillis;
    private volatile long from;
    private final Histogram all = new Histogram(60_000, 3);
    private final Map<String, Histogram> byName = new HashMap<>();
    private long failed;

    MeasuredWindow(long leadInSeconds, long durationSeconds) {
        this.leadInMillis = leadInSeconds * 1000;
        this.durationMillis = durationSeconds * 1000;
    }

    /** Called once, when the load starts. */
    void start() {
        from = System.currentTimeMillis() + leadInMillis;
    }

    /** Whether a request starting now is measured. */
    boolean covers(long startMillis) {
        return startMillis >= from && startMillis < from + durationMillis;
    }

    /** A measured request: its answer time, or a failure (wrong status, no answer). */
    synchronized void record(String name, Long responseMillis, boolean ok) {
        if (!ok || responseMillis == null) {
            failed++;
            return;
        }
        long ms = Math.min(Math.max(responseMillis, 0), all.getHighestTrackableValue());
        all.recordValue(ms);
        byName.computeIfAbsent(name, n -> new Histogram(60_000, 3)).recordValue(ms);
    }

    /** The figures of the window, one line each, for the script: epoch milliseconds, then per-name latency. */
    synchronized void print() {
        System.out.printf("MEASURED window %d %d%n", from, from + durationMillis);
        System.out.println("MEASURED " + line("all", all) + " " + failed);
        new TreeMap<>(byName).forEach((name, h) -> System.out.println("MEASURED " + line(name.replace(' ', '_'), h)));
    }

    private String line(String name, Histogram h) {
        // count, answers per second over the window, p50, p95, p99, max, mean (ms)
        return String.format("%s %d %.1f %d %d %d %d %.1f", name, h.getTotalCount(),
                h.getTotalCount() * 1000.0 / durationMillis, h.getValueAtPercentile(50), h.getValueAtPercentile(95),
                h.getValueAtPercentile(99), h.getMaxValue(), h.getMean());
    }
}
