package cn.nantong.hotline.kb;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the 热线百科. */
@ConfigMapping(prefix = "hotline.kb")
public interface KbConfig {

    /** Folder of Markdown entries synced into the database at start (the shipped knowledge base by default). */
    @WithDefault("knowledge-base")
    String dir();

    /** How often each instance picks up entries changed through another instance (the scheduler reads it). */
    @WithDefault("1s")
    java.time.Duration refreshInterval();

    /** Recent search answers kept in memory (0 turns the cache off); emptied whenever an entry changes. */
    @WithDefault("5000")
    int resultCacheSize();

    /** Hits per page when the client does not say. */
    @WithDefault("10")
    int defaultLimit();

    /** Most hits one search may ask for. */
    @WithDefault("50")
    int maxLimit();

    /** Longest query text accepted; longer text is refused with a 400 rather than silently cut. */
    @WithDefault("2000")
    int maxQueryChars();
}
