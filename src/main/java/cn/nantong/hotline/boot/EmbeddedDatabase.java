package cn.nantong.hotline.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Starts and stops the embedded PostgreSQL used by the default run and by the tests. */
public final class EmbeddedDatabase {

    /** Where PostgreSQL's Linux and macOS builds put their socket unless told otherwise. */
    private static final Path SOCKET_DIR = Path.of("/tmp");

    private EmbeddedDatabase() {
    }

    /**
     * Starts PostgreSQL on a free port with its cluster in {@code dir}, which survives restarts. A durable cluster
     * flushes every commit to disk, as PostgreSQL does by default; zonky, made for throw-away test databases,
     * turns that off, and then a power cut can lose the last commits or damage the cluster.
     */
    public static EmbeddedPostgres start(Path dir, boolean durable) throws IOException {
        Files.createDirectories(dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "100");
        if (durable) {
            // Given after zonky's own -F on the command line, so these win.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return builder.start();
    }

    /**
     * The JDBC URL of the database {@code postgres}: through PostgreSQL's Unix socket where this platform has one, since
     * the service and its embedded database share the machine, and a round trip through a Unix socket costs the kernel
     * less than one through loopback TCP; intake makes about ten. Where there is no socket (Windows), TCP.
     */
    public static String jdbcUrl(EmbeddedPostgres pg) {
        Path socket = SOCKET_DIR.resolve(".s.PGSQL." + pg.getPort());
        if (!AFUNIXSocket.isSupported() || !Files.exists(socket)) {
            return pg.getJdbcUrl("postgres", "postgres");
        }
        return "jdbc:postgresql://localhost:" + pg.getPort() + "/postgres?socketFactory="
                + AFUNIXSocketFactory.FactoryArg.class.getName() + "&socketFactoryArg=" + socket;
    }

    public static void stopQuietly(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
