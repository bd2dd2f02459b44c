package cn.nantong.hotline.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point: starts an embedded PostgreSQL unless an external database is configured, then Quarkus.
 *
 * <p>The embedded database lets a new user run the whole system with nothing but a JDK and Maven;
 * production points {@code quarkus.datasource.jdbc.url} at a real server and nothing is embedded.
 */
@QuarkusMain
public class HotlineMain {

    private static final Logger LOG = Logger.getLogger(HotlineMain.class);

    public static void main(String... args) throws IOException {
        var config = ConfigProvider.getConfig();
        int cores = Runtime.getRuntime().availableProcessors();
        WorkerThreads.defaultFor(config, cores).ifPresent(n -> {
            System.setProperty(WorkerThreads.PROPERTY, String.valueOf(n));
            LOG.infof("Working on at most %d requests at once (%d cores; %s changes it)", n, cores, WorkerThreads.PROPERTY);
        });
        boolean external = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isPresent();
        if (external) {
            LOG.info("Using the configured external PostgreSQL; nothing is embedded and no demo data is created");
            Quarkus.run(args);
            return;
        }
        Path dataDir = Path.of(config.getOptionalValue("hotline.data-dir", String.class).orElse("data"));
        EmbeddedPostgres pg = EmbeddedDatabase.start(dataDir.resolve("postgres"), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> EmbeddedDatabase.stopQuietly(pg)));
        System.setProperty("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(pg));
        System.setProperty("quarkus.datasource.username", "postgres");
        // Demo accounts exist only on the embedded default, never on a real (external) database.
        System.setProperty("hotline.demo.enabled", "true");
        useDevelopmentKeysUnlessSet(config);
        LOG.infof("Embedded PostgreSQL on port %d, data in %s", pg.getPort(), dataDir.toAbsolutePath());
        Quarkus.run(args);
    }

    /** The embedded default runs without setup, so it falls back to the public development keys, and says so. */
    private static void useDevelopmentKeysUnlessSet(org.eclipse.microprofile.config.Config config) {
        for (String name : new String[] {"key", "hash-key"}) {
            if (config.getOptionalValue("hotline.privacy." + name, String.class).isEmpty()) {
                System.setProperty("hotline.privacy." + name, config.getValue("hotline.privacy.dev-" + name, String.class));
                LOG.warnf("hotline.privacy.%s is not set: callers' numbers are encrypted with the public development key"
                        + " (embedded default only; see docs/privacy.md)", name);
            }
        }
    }
}
