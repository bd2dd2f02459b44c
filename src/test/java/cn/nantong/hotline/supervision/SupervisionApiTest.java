package cn.nantong.hotline.supervision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A matter two departments returned reaches the coordinator, who supervises it to the end. */
@QuarkusTest
class SupervisionApiTest {

    private static long intake(String phone, String address, String content) {
        return as("agent1").contentType(ContentType.JSON).body(Map.of("callerPhone", phone, "type", "COMPLAINT",
                        "channel", "PHONE", "district", "启东市", "address", address, "content", content))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void act(String user, long id, String action, Object body) {
        as(user).contentType(ContentType.JSON).body(body).when().post("/api/tickets/" + id + "/" + action)
                .then().statusCode(200);
    }

    static JsonPath caseOf(long ticketId) {
        JsonPath list = as("coord1").when().get("/api/supervision/cases?ticket=" + ticketId).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, list.getInt("total"), "one unclosed case per problem");
        return as("coord1").when().get("/api/supervision/cases/" + list.getLong("items[0].id")).then().statusCode(200)
                .extract().jsonPath();
    }

    private static long bouncedTicket(String phone, String road) {
        long id = intake(phone, "启东市汇龙镇" + road + "北侧排水沟", road + "北侧排水沟堵塞发臭，一下雨就漫到路面上，不知道归谁管。");
        act("agent1", id, "dispatch", Map.of("lead", "urban-management"));
        act("dept-urban-management", id, "return", Map.of("reason", "排水设施不属于本局管养"));
        act("agent1", id, "dispatch", Map.of("lead", "water"));
        act("dept-water", id, "return", Map.of("reason", "该沟渠为道路边沟，不在市政管网范围"));
        return id;
    }

    @Test
    void aTicketReturnedByTwoDepartmentsBecomesACaseThatRunsToTheEnd() {
        long ticket = bouncedTicket("13800135001", "人民路");
        JsonPath c = caseOf(ticket);
        long caseId = c.getLong("id");
        assertEquals("OPEN", c.getString("status"));
        assertEquals(List.of("BUCK_PASSING"), c.getList("triggers"));
        assertTrue(c.getString("reasons[0]").contains("市城市管理局、市水务局"), c.getString("reasons[0]"));
        assertEquals("open", c.getString("timeline[0].action"));

        String deadline = LocalDate.now().plusDays(10).toString();
        as("coord1").contentType(ContentType.JSON).body(Map.of("lead", "housing-construction", "co", List.of("water"),
                        "deadline", deadline, "note", "边沟由住建牵头，水务配合"))
                .when().post("/api/supervision/cases/" + caseId + "/assign").then().statusCode(200)
                .body("status", equalTo("ASSIGNED")).body("lead", equalTo("housing-construction"))
                .body("co", equalTo(List.of("water")));
        as("dept-water").when().get("/api/supervision/notices").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem((int) caseId)));

        as("coord1").contentType(ContentType.JSON).body(Map.of("text", "请住建局牵头于期限内疏通人民路北侧边沟并明确管养责任。"))
                .when().post("/api/supervision/cases/" + caseId + "/notice").then().statusCode(200)
                .body("notice.text", equalTo("请住建局牵头于期限内疏通人民路北侧边沟并明确管养责任。"));
        as("dept-water").when().get("/api/supervision/notices").then().statusCode(200).body("id", hasItem((int) caseId));
        as("dept-housing-construction").when().get("/api/supervision/notices").then().statusCode(200)
                .body("id", hasItem((int) caseId));
        as("dept-gas").when().get("/api/supervision/notices").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.not(hasItem((int) caseId)));

        as("dept-water").contentType(ContentType.JSON).body(Map.of("text", "水务局 3 月 4 日派员配合住建局现场勘查。"))
                .when().post("/api/supervision/cases/" + caseId + "/responses").then().statusCode(200);
        as("dept-gas").contentType(ContentType.JSON).body(Map.of("text", "无关"))
                .when().post("/api/supervision/cases/" + caseId + "/responses").then().statusCode(404);
        as("dept-gas").when().get("/api/supervision/cases/" + caseId).then().statusCode(404);

        as("coord1").contentType(ContentType.JSON).body(Map.of("note", "边沟已疏通，管养移交住建"))
                .when().post("/api/supervision/cases/" + caseId + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        as("coord1").contentType(ContentType.JSON).body(Map.of("note", "再次办结"))
                .when().post("/api/supervision/cases/" + caseId + "/resolve").then().statusCode(409)
                .body("state", equalTo("RESOLVED")).body("allowedActions", equalTo(List.of("note", "close")));
        as("coord1").contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/supervision/cases/" + caseId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("timeline.action", equalTo(List.of("open", "assign", "notice", "response", "resolve", "close")));
    }

    @Test
    void onlyCoordinatorsWorkCasesAndBadInputIsNamed() {
        long caseId = caseOf(bouncedTicket("13800135002", "和平路")).getLong("id");
        as("agent1").when().get("/api/supervision/cases").then().statusCode(403);
        as("dept-water").contentType(ContentType.JSON).body(Map.of("lead", "water", "deadline", "2030-01-01"))
                .when().post("/api/supervision/cases/" + caseId + "/assign").then().statusCode(403);
        as("coord1").contentType(ContentType.JSON).body(Map.of("lead", "no-such-dept", "deadline", "2030-01-01"))
                .when().post("/api/supervision/cases/" + caseId + "/assign").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("lead"));
        as("coord1").contentType(ContentType.JSON).body(Map.of("lead", "water"))
                .when().post("/api/supervision/cases/" + caseId + "/assign").then().statusCode(400)
                .body("errors.field", hasItem("deadline"));
        as("coord1").contentType(ContentType.JSON).body(Map.of("text", "先发督办单"))
                .when().post("/api/supervision/cases/" + caseId + "/notice").then().statusCode(409);
        as("coord1").when().get("/api/supervision/cases/" + caseId).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("timeline", hasSize(1));
        as("coord1").when().get("/api/supervision/cases?status=BOGUS").then().statusCode(400);
    }
}
