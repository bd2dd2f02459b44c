package cn.nantong.hotline.common;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.nantong.hotline.support.Api.as;
import static cn.nantong.hotline.support.Tickets.report;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Overload: when no database connection comes free in time, intake answers 503 with Retry-After and writes
 * nothing, and the client's retry with the same Idempotency-Key records the call once.
 */
@QuarkusTest
@TestProfile(BusyDatabaseTest.SmallPool.class)
class BusyDatabaseTest {

    private static final int POOL = 3;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void intakeWithoutAFreeConnectionAnswers503AndARetryRecordsItOnce() throws Exception {
        long before = total();
        as("agent1").when().get("/api/me").then().statusCode(200); // the password check is remembered
        String key = UUID.randomUUID().toString();
        Map<String, Object> call = report("COMPLAINT", "13700990001", "崇川区", "崇川区濠河路18号",
                "濠河路18号门口的路灯坏了一个星期，晚上很黑，希望尽快修好。");
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                held.add(dataSource.getConnection());
            }
            as("agent1").contentType(ContentType.JSON).header("Idempotency-Key", key).body(call)
                    .when().post("/api/tickets")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", endsWith("busy")).body("detail", containsString("稍后重试"));
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
        assertEquals(before, total(), "nothing was recorded");
        as("agent1").contentType(ContentType.JSON).header("Idempotency-Key", key).body(call)
                .when().post("/api/tickets").then().statusCode(201);
        as("agent1").contentType(ContentType.JSON).header("Idempotency-Key", key).body(call)
                .when().post("/api/tickets").then().statusCode(201).header("Idempotent-Replayed", "true");
        assertEquals(before + 1, total());
    }

    private static long total() {
        return as("coord1").when().get("/api/tickets?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
