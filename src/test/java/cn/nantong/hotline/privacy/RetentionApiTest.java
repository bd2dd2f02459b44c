package cn.nantong.hotline.privacy;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Old tickets lose their caller's personal data, figures stay; tickets from before V7 get encrypted at start. */
@QuarkusTest
class RetentionApiTest {

    @Inject
    Retention retention;

    @Inject
    PhoneEncryptionStep encryption;

    @Inject
    PhoneVault vault;

    private static long closedTicket(String phone) {
        return closedTicket(phone, "海安市城东镇宁海路66号", "赵先生反映楼下商铺深夜装修噪声扰民。");
    }

    private static long closedTicket(String phone, String address, String content) {
        long id = as("agent1").contentType(ContentType.JSON).body(Map.of("callerPhone", phone, "callerName", "赵先生",
                        "type", "COMPLAINT", "district", "海安市", "address", address, "content", content))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        act("agent1", id, "dispatch", Map.of("lead", "housing-construction"));
        act("dept-housing-construction", id, "accept", null);
        act("dept-housing-construction", id, "reply", Map.of("text", "已于3日责令商铺停止夜间施工。", "outcome", "RESOLVED"));
        act("agent1", id, "callback", Map.of("satisfaction", "SATISFIED", "resolved", true));
        return id;
    }

    private static void act(String user, long id, String action, Object body) {
        var req = as(user).contentType(ContentType.JSON);
        (body == null ? req : req.body(body)).when().post("/api/tickets/" + id + "/" + action).then().statusCode(200);
    }

    private static void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = Panache.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    private static Object storedFeatures(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select repeat_features from ticket where id = ?1").setParameter(1, id).getSingleResult());
    }

    private static long placeKeys(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from repeat_place_key where ticket_id = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
    }

    @Test
    void closedTicketsPastRetentionLoseCallerDataAndFiguresStay() {
        long old = closedTicket("13600730001");
        long recent = closedTicket("13600730002");
        long lone = closedTicket("13600730004", "海安市城东镇通榆路12号", "通榆路12号门口的路灯坏了一个月。");
        sql("update ticket set closed_at = ?1 where id in (?2, ?3)", Instant.now().minus(Duration.ofDays(1200)), old, lone);
        String figuresBefore = as("coord1").when().get("/api/stats/departments").then().statusCode(200).extract().asString();

        Instant now = Instant.now();
        Retention.Result r = retention.run(now);
        assertTrue(r.ran());
        assertTrue(r.erased() >= 1);
        assertFalse(retention.run(now).ran(), "one run per interval");

        as("coord1").when().get("/api/tickets/" + old).then().statusCode(200)
                .body("callerPhone", equalTo("（已按保存期限删除）"))
                .body("callerPhoneRevealable", equalTo(false))
                .body("callerName", nullValue())
                .body("address", equalTo("海安市"))
                .body("content", equalTo(Retention.ERASED_CONTENT))
                .body("type", equalTo("COMPLAINT"))
                .body("status", equalTo("CLOSED"))
                .body("assignments[0].outcome", equalTo("RESOLVED"));
        as("agent1").when().post("/api/tickets/" + old + "/reveal-phone").then().statusCode(404);
        as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "13600730001")).when()
                .post("/api/callers/tickets").then().statusCode(200).body("id", equalTo(List.of()));
        as("coord1").when().get("/api/tickets/" + recent).then().statusCode(200)
                .body("callerPhone", equalTo("136****0002")).body("callerName", equalTo("赵先生"));
        assertNull(storedFeatures(old), "words parsed from the erased content go with it");
        assertNotNull(storedFeatures(recent));
        assertEquals(0, placeKeys(old), "the places parsed from the erased address go with it");
        assertTrue(placeKeys(recent) > 0);
        assertEquals(figuresBefore, as("coord1").when().get("/api/stats/departments").then().statusCode(200).extract().asString());
        as("admin").when().get("/api/audit?action=privacy.retention").then().statusCode(200)
                .body("items[0].actor", equalTo("system"));
        // An agent may still name an erased ticket as the original; it has no caller left to count.
        long clusterId = as("agent1").contentType(ContentType.JSON).body(Map.of("callerPhone", "13600730009",
                        "type", "COMPLAINT", "district", "海安市", "address", "海安市城东镇通榆路12号",
                        "content", "通榆路12号的路灯又坏了，晚上一片漆黑。", "repeatOf", lone))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("repeat.clusterId");
        as("coord1").when().get("/api/repeat/clusters/" + clusterId).then().statusCode(200)
                .body("reportCount", equalTo(2)).body("callerCount", equalTo(1));
    }

    @Test
    void numbersStoredInClearBeforeV7AreEncryptedAtStart() {
        long id = ((Number) QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager()
                .createNativeQuery("select nextval('ticket_id_seq')").getSingleResult())).longValue();
        sql("""
                insert into ticket (id, version, number, status, type, channel, caller_phone, confidential, content, urgent,
                    received_at, recorded_by, round)
                values (?1, 0, ?2, 'NEW', 'COMPLAINT', 'PHONE', '13600730003', false, '旧系统录入的工单。', false, ?3, 'agent1', 1)""",
                id, "LEGACY-" + id, Instant.now());
        assertTrue(encryption.run() >= 1);
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) Panache.getEntityManager()
                .createNativeQuery("select caller_phone, caller_phone_enc, caller_phone_hash, caller_phone_masked from ticket where id = ?1")
                .setParameter(1, id).getSingleResult());
        assertNull(row[0], "the clear text is gone");
        assertEquals("13600730003", vault.reveal((String) row[1]));
        assertEquals(vault.hash("13600730003"), row[2]);
        assertEquals("136****0003", row[3]);
        as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "13600730003")).when()
                .post("/api/callers/tickets").then().statusCode(200).body("id", equalTo(List.of((int) id)));
        assertEquals(0, encryption.run(), "nothing left in clear");
    }
}
