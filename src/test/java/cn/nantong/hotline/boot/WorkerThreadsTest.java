package cn.nantong.hotline.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;

class WorkerThreadsTest {

    @Test
    void withoutASettingThePoolIsThreeThreadsPerCoreAndNeverFewerThanFour() {
        Config none = config(Map.of());
        assertEquals(OptionalInt.of(6), WorkerThreads.defaultFor(none, 2));
        assertEquals(OptionalInt.of(24), WorkerThreads.defaultFor(none, 8));
        assertEquals(OptionalInt.of(4), WorkerThreads.defaultFor(none, 1));
    }

    @Test
    void theOperatorsSettingIsLeftAlone() {
        assertEquals(OptionalInt.empty(), WorkerThreads.defaultFor(config(Map.of(WorkerThreads.PROPERTY, "40")), 2));
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }
}
