package cn.nantong.hotline.support;

import cn.nantong.hotline.boot.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One real PostgreSQL (embedded binaries) for the whole test run, in a fresh folder under target/. */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres pg;

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(Path.of("target"));
            Path dir = Files.createTempDirectory(Path.of("target"), "test-pg-");
            pg = EmbeddedDatabase.start(dir, false); // thrown away after the run: no need to flush each commit
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(pg),
                "quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        if (pg != null) {
            EmbeddedDatabase.stopQuietly(pg);
        }
    }
}
