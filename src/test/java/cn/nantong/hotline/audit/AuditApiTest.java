package cn.nantong.hotline.audit;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who did what: intake, actions, views and other changes land in an append-only log only administrators read. */
@QuarkusTest
class AuditApiTest {

    @Test
    void intakeActionsAndViewsAreLoggedWithActorRoleAndAddress() {
        long id = as("agent1").contentType(ContentType.JSON).body(Map.of("callerPhone", "13600720001", "type", "HELP",
                        "district", "如东县", "address", "如东县掘港镇人民路5号", "content", "独居老人家中停电，需要帮助。"))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "power-grid")).when()
                .post("/api/tickets/" + id + "/dispatch").then();
        as("coord1").when().get("/api/tickets/" + id).then().statusCode(200);
        as("admin").when().get("/api/audit?size=500").then().statusCode(200)
                .body("items.findAll { it.ticketId == " + id + " }.action",
                        hasItems("ticket.intake", "ticket.view"))
                .body("items.find { it.ticketId == " + id + " && it.action == 'ticket.view' }.actor", equalTo("coord1"))
                .body("items.find { it.ticketId == " + id + " && it.action == 'ticket.view' }.role", equalTo("COORDINATOR"))
                .body("items.find { it.ticketId == " + id + " && it.action == 'ticket.intake' }.clientAddress", notNullValue());
        as("admin").when().get("/api/audit?actor=coord1&action=ticket.view&size=500").then().statusCode(200)
                .body("items.actor", everyItem(equalTo("coord1"))).body("items.ticketId", hasItem((int) id));
    }

    @Test
    void changesOutsideTicketsAreLoggedByEndpoint() {
        List<Map<String, Object>> rules = as("admin").when().get("/api/routing/rules").then().statusCode(200)
                .extract().jsonPath().getList("$");
        as("admin").contentType(ContentType.JSON).body(rules).when().put("/api/routing/rules").then().statusCode(200);
        as("admin").when().get("/api/audit?action=RoutingRule.replace").then().statusCode(200)
                .body("items[0].actor", equalTo("admin")).body("items[0].target", equalTo("/api/routing/rules"));
        as("admin").when().get("/api/audit?from=2000-01-01&to=2000-01-02").then().statusCode(200).body("total", equalTo(0));
        as("admin").when().get("/api/audit?from=yesterday").then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        for (String user : List.of("agent1", "coord1", "editor1", "dept-water")) {
            as(user).when().get("/api/audit").then().statusCode(403);
        }
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry e = new AuditEntry();
            e.at = java.time.Instant.now();
            e.actor = "test";
            e.action = "test.append-only";
            e.persist();
        });
        var update = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("update audit_entry set actor = 'someone-else' where action = 'test.append-only'")
                .executeUpdate()));
        assertTrue(rootMessage(update).contains("append-only"), rootMessage(update));
        var delete = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("delete from audit_entry where action = 'test.append-only'").executeUpdate()));
        assertTrue(rootMessage(delete).contains("append-only"), rootMessage(delete));
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" / ");
        }
        return all.toString();
    }
}
