package cn.nantong.hotline.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionWatchTest {

    @Test
    void answersTrueOnceForEachNewCounterValue() {
        VersionWatch watch = new VersionWatch();
        assertTrue(watch.moved(0), "the first poll acts: nothing was seen yet");
        assertFalse(watch.moved(0));
        assertTrue(watch.moved(3));
        assertFalse(watch.moved(3));
        assertTrue(watch.moved(2), "any other value counts, also after a database restore");
    }
}
