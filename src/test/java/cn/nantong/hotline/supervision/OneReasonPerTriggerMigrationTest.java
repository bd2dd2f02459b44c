package cn.nantong.hotline.supervision;

import cn.nantong.hotline.boot.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** V10 turns the cases written before it, one reason per report, into one reason per trigger kind. */
class OneReasonPerTriggerMigrationTest {

    @Test
    void eachKindKeepsItsNewestReason(@TempDir Path dir) throws Exception {
        EmbeddedPostgres pg = EmbeddedDatabase.start(dir, false);
        try {
            migrate(pg, "9");
            try (Connection c = pg.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("""
                        insert into supervision_case (version, status, triggers, reasons, summary, opened_at) values
                        (0, 'OPEN', '{REPEATED,LOOP}', '{"30 天内同一问题被反映 3 次","30 天内同一问题被反映 4 次",\
                        "部门答复已办结后，群众再次反映同一问题（投诉—反馈—未解决—再投诉）","30 天内同一问题被反映 5 次"}', '垃圾', now()),
                        (0, 'OPEN', '{UNSATISFIED}', '{"回访 2 次不满意"}', '噪音', now())""");
            }
            migrate(pg, "latest");
            try (Connection c = pg.getPostgresDatabase().getConnection();
                 ResultSet rs = c.createStatement().executeQuery("select reasons from supervision_case order by id")) {
                assertTrue(rs.next());
                assertEquals(List.of("30 天内同一问题被反映 5 次", "部门答复已办结后，群众再次反映同一问题（投诉—反馈—未解决—再投诉）"),
                        strings(rs.getArray(1)));
                assertTrue(rs.next());
                assertEquals(List.of("回访 2 次不满意"), strings(rs.getArray(1)), "a case already in shape is left alone");
            }
        } finally {
            EmbeddedDatabase.stopQuietly(pg);
        }
    }

    private static void migrate(EmbeddedPostgres pg, String target) {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).locations("classpath:db/migration").target(target)
                .load().migrate();
    }

    private static List<String> strings(Array a) throws Exception {
        return List.of((String[]) a.getArray());
    }
}
