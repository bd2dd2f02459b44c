package cn.nantong.hotline.loadtest;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where the CPU went in a JFR recording of the service: execution samples counted by the method on top of the
 * stack (self time) and by every method on the stack (inclusive time, each method once per sample), plus the
 * same inclusive view restricted to the service's own and Lucene's code, which is what a fix would touch.
 *
 * <p>Usage: {@code java -cp target/classes cn.nantong.hotline.loadtest.JfrHotspots RECORDING.jfr [TOP]}
 */
public final class JfrHotspots {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int top = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> threads = new HashMap<>();
        long gcCount = 0;
        double gcPauseMs = 0;
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.GarbageCollection")) {
                gcCount++;
                gcPauseMs += e.getDuration("sumOfPauses").toNanos() / 1e6;
                continue;
            }
            if (!type.equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            String thread = e.getThread("sampledThread") == null ? "?" : e.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", "-N").replaceAll("\\d+", "N"), 1, Integer::sum);
            List<RecordedFrame> frames = st.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame f : frames) {
                String n = name(f);
                if (seen.add(n)) {
                    inclusive.merge(n, 1, Integer::sum);
                }
            }
        }
        System.out.printf("%d execution samples in %s%n", samples, file);
        print("threads sampled", threads, samples, 10, null);
        print("self (top of stack)", self, samples, top, null);
        print("inclusive (on the stack), the service's and Lucene's own methods", inclusive, samples, top,
                n -> (n.startsWith("cn.nantong.") || n.startsWith("org.apache.lucene.")) && !n.contains("_Subclass")
                        && !n.contains("quarkusrestinvoker") && !n.contains("_ClientProxy") && !n.contains("$$Lambda"));
        // Allocation samples are left out on purpose: on JDK 17 their weights for rarely allocating threads
        // swamp the picture here (tens of GB "sampled" against one young GC), so only GC events are reported.
        System.out.printf("--- GC: %d collections, %.0f ms paused in total%n", gcCount, gcPauseMs);
        print("inclusive, serialisation and HTTP", inclusive, samples, 8,
                n -> n.startsWith("com.fasterxml.jackson.") && n.endsWith(".serialize")
                        || n.startsWith("io.vertx.core.http.impl.") && n.contains("write"));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int total, int top,
                              java.util.function.Predicate<String> filter) {
        System.out.println("--- " + title);
        counts.entrySet().stream()
                .filter(e -> filter == null || filter.test(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> System.out.printf("%6.1f%%  %6d  %s%n", 100.0 * e.getValue() / Math.max(1, total), e.getValue(), e.getKey()));
    }

    private JfrHotspots() {
    }
}
