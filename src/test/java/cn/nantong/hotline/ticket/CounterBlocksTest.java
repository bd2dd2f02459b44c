package cn.nantong.hotline.ticket;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CounterBlocksTest {

    /** A sequence counting up in steps of {@code step}, as PostgreSQL's nextval does after "increment by step". */
    private static final class Sequence {
        final AtomicLong last;
        final int step;
        int fetches;

        Sequence(long start, int step) {
            this.last = new AtomicLong(start - step);
            this.step = step;
        }

        synchronized long nextval() {
            fetches++;
            return last.addAndGet(step);
        }
    }

    @Test
    void oneFetchPerBlockAndValuesInOrderWithinAnInstance() {
        Sequence seq = new Sequence(1, 5);
        CounterBlocks blocks = new CounterBlocks(5, seq::nextval);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            values.add(blocks.next());
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L), values);
        assertEquals(3, seq.fetches);
    }

    @Test
    void twoInstancesOnOneSequenceNeverGiveTheSameValue() {
        Sequence seq = new Sequence(101, 50);
        CounterBlocks a = new CounterBlocks(50, seq::nextval);
        CounterBlocks b = new CounterBlocks(50, seq::nextval);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            assertTrue(seen.add(a.next()));
            assertTrue(seen.add(b.next()));
            if (i % 7 == 0) {
                assertTrue(seen.add(b.next()));
            }
        }
        assertEquals(1072, seen.size());
    }

    @Test
    void concurrentCallersGetDistinctValues() throws Exception {
        Sequence seq = new Sequence(1, 50);
        CounterBlocks blocks = new CounterBlocks(50, seq::nextval);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> parts = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                parts.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < 2_500; i++) {
                        mine.add(blocks.next());
                    }
                    return mine;
                }));
            }
            Set<Long> all = new HashSet<>();
            for (Future<List<Long>> p : parts) {
                all.addAll(p.get());
            }
            assertEquals(10_000, all.size());
            assertEquals(200, seq.fetches, "one fetch per 50 values");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBlockSizeBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CounterBlocks(0, () -> 1));
    }
}
