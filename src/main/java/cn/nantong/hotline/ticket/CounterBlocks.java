package cn.nantong.hotline.ticket;

import java.util.function.LongSupplier;

/**
 * Hands out a database counter's values a block at a time, as Hibernate's pooled-lo optimiser does for ids: one
 * round trip per block instead of one per value. Each fetch returns the first value of a new block (the sequence
 * counts up in steps of the block size), so values stay unique across instances; they are not in strict order across
 * instances, and the rest of a block is skipped when an instance stops. Thread-safe.
 */
final class CounterBlocks {

    private final int size;
    private final LongSupplier nextBlockStart;
    private long next;
    private long end;

    CounterBlocks(int size, LongSupplier nextBlockStart) {
        if (size < 1) {
            throw new IllegalArgumentException("block size must be at least 1, got " + size);
        }
        this.size = size;
        this.nextBlockStart = nextBlockStart;
    }

    synchronized long next() {
        if (next == end) {
            next = nextBlockStart.getAsLong();
            end = next + size;
        }
        return next++;
    }
}
