package cn.nantong.hotline.common;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers the last change counter an instance acted on, so a poll reloads only when another instance (or
 * this one) changed the settings since. Starts unseen: the first poll always answers true.
 */
public final class VersionWatch {

    private final AtomicLong seen = new AtomicLong(Long.MIN_VALUE);

    /** True, once, for each new counter value. */
    public boolean moved(long current) {
        return seen.getAndSet(current) != current;
    }
}
