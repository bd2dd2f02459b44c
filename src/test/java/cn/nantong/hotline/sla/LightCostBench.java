package cn.nantong.hotline.sla;

import cn.nantong.hotline.ticket.TicketType;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import static cn.nantong.hotline.sla.Shanghai.at;

/**
 * Benchmark: what the light scan does for 100,000 open tickets (target: well under a second each): their deadlines
 * and elapsed working times, and their clocks restored and lit. Run with {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.nantong.hotline.sla.LightCostBench}.
 */
public final class LightCostBench {

    private static final int TICKETS = 100_000;

    private LightCostBench() {
    }

    public static void main(String[] args) {
        WorkingCalendar calendar = WorkingCalendar.standard();
        deadlines(calendar);
        clocks(TimeLimitPolicy.defaults(calendar));
    }

    private static void deadlines(WorkingCalendar calendar) {
        Random random = new Random(1);
        Instant[] starts = new Instant[TICKETS];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = at("2025-01-01T00:00").plusSeconds(random.nextInt(700 * 86_400));
        }
        Instant now = at("2026-11-20T10:00");
        for (int pass = 1; pass <= 5; pass++) {
            long began = System.nanoTime();
            long sum = 0;
            for (Instant start : starts) {
                sum += calendar.addWorkingTime(start, calendar.workingDays(15)).getEpochSecond() % 7;
                sum += calendar.workingTimeBetween(start, now).toMinutes() % 7;
            }
            // the sum is printed so that the JIT cannot drop the work
            System.out.printf("pass %d: %,d deadlines + elapsed working times in %d ms (%d)%n",
                    pass, TICKETS, (System.nanoTime() - began) / 1_000_000, sum % 2);
        }
    }

    private static void clocks(TimeLimitPolicy policy) {
        TicketType[] types = TicketType.values();
        Instant now = at("2026-06-15T10:00");
        for (int pass = 1; pass <= 5; pass++) {
            Random random = new Random(3);
            long began = System.nanoTime();
            int[] counts = new int[3];
            for (int i = 0; i < TICKETS; i++) {
                Instant start = now.minusSeconds(random.nextInt(40 * 86_400));
                List<SlaClock.Pause> pauses = random.nextInt(4) == 0
                        ? List.of(new SlaClock.Pause(start.plusSeconds(3_600), start.plusSeconds(90_000))) : List.of();
                SlaClock clock = policy.restore(policy.replyLimit(types[i % types.length], null, i % 50 == 0),
                        start, pauses, null, i % 10 == 0 ? 2 : 0);
                counts[clock.light(now).ordinal()]++;
            }
            System.out.printf("pass %d: %,d clocks restored and lit in %d ms: green %d, yellow %d, red %d%n",
                    pass, TICKETS, (System.nanoTime() - began) / 1_000_000, counts[0], counts[1], counts[2]);
        }
    }
}
