package cn.nantong.hotline.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Starts and stops the embedded PostgreSQL used by the default run and by the tests. */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    /** Starts PostgreSQL on a free port with its cluster in {@code dir}, which survives restarts. */
    public static EmbeddedPostgres start(Path dir) throws IOException {
        Files.createDirectories(dir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100")
                .start();
    }

    public static void stopQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
