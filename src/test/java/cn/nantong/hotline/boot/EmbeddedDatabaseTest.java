package cn.nantong.hotline.boot;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The embedded default keeps its data in the given folder across restarts, flushing every commit to disk. */
class EmbeddedDatabaseTest {

    @Test
    void dataSurvivesARestart(@TempDir Path dir) throws Exception {
        EmbeddedPostgres first = EmbeddedDatabase.start(dir, true);
        try (Connection c = first.getPostgresDatabase().getConnection()) {
            assertEquals("on", setting(c, "fsync"));
            assertEquals("on", setting(c, "synchronous_commit"));
            c.createStatement().execute("create table kept (v text)");
            c.createStatement().execute("insert into kept values ('工单')");
        } finally {
            EmbeddedDatabase.stopQuietly(first);
        }
        EmbeddedPostgres second = EmbeddedDatabase.start(dir, true);
        try (Connection c = second.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("select v from kept")) {
            assertTrue(rs.next());
            assertEquals("工单", rs.getString(1));
        } finally {
            EmbeddedDatabase.stopQuietly(second);
        }
    }

    @Test
    void aThrowAwayDatabaseSkipsTheFlush(@TempDir Path dir) throws Exception {
        EmbeddedPostgres pg = EmbeddedDatabase.start(dir, false);
        try (Connection c = pg.getPostgresDatabase().getConnection()) {
            assertEquals("off", setting(c, "fsync"));
        } finally {
            EmbeddedDatabase.stopQuietly(pg);
        }
    }

    /** inet_server_addr() is null exactly when the connection came through the Unix socket. */
    @Test
    void theServiceConnectsThroughTheUnixSocketWhereThereIsOne(@TempDir Path dir) throws Exception {
        EmbeddedPostgres pg = EmbeddedDatabase.start(dir, false);
        try {
            String url = EmbeddedDatabase.jdbcUrl(pg);
            boolean viaSocket = url.contains("socketFactory=");
            if (System.getProperty("os.name").startsWith("Linux")) {
                assertTrue(viaSocket, url);
            }
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("select inet_server_addr() is null")) {
                assertTrue(rs.next());
                assertEquals(viaSocket, rs.getBoolean(1), url);
            }
        } finally {
            EmbeddedDatabase.stopQuietly(pg);
        }
    }

    private static String setting(Connection c, String name) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("show " + name)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
