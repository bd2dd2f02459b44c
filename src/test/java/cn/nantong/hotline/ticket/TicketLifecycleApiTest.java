package cn.nantong.hotline.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** A ticket's whole life over HTTP: intake, dispatch, accept, return, reply, callback, reopen, extension. */
@QuarkusTest
class TicketLifecycleApiTest {

    static Map<String, Object> complaint(String phone, String content) {
        return Map.of("callerPhone", phone, "type", "COMPLAINT", "channel", "PHONE", "district", "崇川区",
                "address", "崇川区工农路88号", "content", content);
    }

    static long intake(Map<String, Object> body) {
        return as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    static ValidatableResponse action(String user, long id, String action, Object body) {
        var req = as(user).contentType(ContentType.JSON);
        if (body != null) {
            req = req.body(body);
        }
        return req.when().post("/api/tickets/" + id + "/" + action).then();
    }

    @Test
    void aComplaintGoesFromIntakeThroughJointHandlingToClosure() {
        var created = as("agent1").contentType(ContentType.JSON)
                .body(complaint("139 1234 5678", "小区门口餐馆油烟直排，晚上熏得开不了窗。"))
                .when().post("/api/tickets")
                .then().statusCode(201)
                .body("number", matchesPattern("\\d{8}-\\d{7}"))
                .body("status", equalTo("NEW"))
                .body("callerPhone", equalTo("139****5678"))
                .body("allowedActions", equalTo(List.of("dispatch")));
        long id = created.extract().jsonPath().getLong("id");

        action("agent1", id, "dispatch", Map.of("lead", "urban-management", "co", List.of("ecology-environment"),
                "note", "油烟扰民")).statusCode(200)
                .body("status", equalTo("DISPATCHED"))
                .body("assignments", hasSize(2))
                .body("deadlines.acceptBy", notNullValue())
                .body("deadlines.replyBy", notNullValue())
                .body("light", equalTo("GREEN"))
                // The answer's timeline already holds the action's own event, written in the same transaction.
                .body("timeline.action", equalTo(List.of("intake", "dispatch")));

        action("dept-urban-management", id, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
        action("dept-ecology-environment", id, "accept", null).statusCode(200);
        action("dept-urban-management", id, "reply", Map.of("text", "已于3月5日约谈餐馆负责人，责令加装油烟净化器并于3月12日复查合格。",
                "outcome", "RESOLVED")).statusCode(200).body("status", equalTo("ACCEPTED"));
        action("dept-ecology-environment", id, "reply", Map.of("text", "配合城管复查，净化设施运行正常。",
                "outcome", "RESOLVED")).statusCode(200).body("status", equalTo("REPLIED"))
                .body("allowedActions", equalTo(List.of("callback")));
        action("agent1", id, "callback", Map.of("satisfaction", "SATISFIED", "resolved", true, "note", "市民表示满意"))
                .statusCode(200).body("status", equalTo("CLOSED")).body("allowedActions", hasSize(0));

        as("coord1").when().get("/api/tickets/" + id).then().statusCode(200)
                .body("timeline.action", equalTo(List.of("intake", "dispatch", "accept", "accept", "reply", "reply", "callback")))
                .body("timeline[1].fromStatus", equalTo("NEW"))
                .body("timeline[1].toStatus", equalTo("DISPATCHED"))
                .body("timeline[1].actor", equalTo("agent1"))
                .body("timeline[6].toStatus", equalTo("CLOSED"));
    }

    @Test
    void anUnsatisfiedCallbackReopensToTheSameDepartmentsAndCounts() {
        long id = intake(complaint("13800001111", "楼下夜宵摊凌晨两点还在营业，噪音很大。"));
        action("agent1", id, "dispatch", Map.of("lead", "urban-management")).statusCode(200);
        action("dept-urban-management", id, "accept", null).statusCode(200);
        action("dept-urban-management", id, "reply", Map.of("text", "已劝离。", "outcome", "RESOLVED")).statusCode(200);
        action("agent1", id, "callback", Map.of("satisfaction", "UNSATISFIED", "resolved", false, "note", "第二天又来了"))
                .statusCode(200)
                .body("status", equalTo("REOPENED"))
                .body("round", equalTo(2))
                .body("unsatisfiedCallbacks", equalTo(1))
                .body("assignments.findAll { it.round == 2 }.department", equalTo(List.of("urban-management")))
                .body("assignments.findAll { it.round == 2 }.status", equalTo(List.of("DISPATCHED")));
        action("dept-urban-management", id, "accept", null).statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void aReturnedTicketGoesBackToDispatchAndNotToTheSameDepartmentWithoutOverride() {
        long id = intake(complaint("13800002222", "路边窨井盖缺失，晚上很危险。"));
        action("agent1", id, "dispatch", Map.of("lead", "water")).statusCode(200);
        action("dept-water", id, "return", Map.of("reason", "")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        action("dept-water", id, "return", Map.of("reason", "该井盖属于通信管道，非供排水设施。")).statusCode(200)
                .body("status", equalTo("RETURNED"))
                .body("assignments[0].returnReason", equalTo("该井盖属于通信管道，非供排水设施。"));
        action("agent1", id, "dispatch", Map.of("lead", "water")).statusCode(409)
                .body("detail", containsString("已退回过"));
        action("agent1", id, "dispatch", Map.of("lead", "water", "override", true)).statusCode(403);
        action("coord1", id, "dispatch", Map.of("lead", "water", "override", true)).statusCode(200)
                .body("status", equalTo("DISPATCHED"));
        action("agent1", id, "dispatch", Map.of("lead", "urban-management")).statusCode(409)
                .body("state", equalTo("DISPATCHED"))
                .body("allowedActions", hasItems("accept", "return"));
    }

    @Test
    void awaitingTheCallerPausesUntilTheAgentRecordsTheAnswer() {
        long id = intake(complaint("13800003333", "小区楼道灯坏了一个月没人修。"));
        action("agent1", id, "dispatch", Map.of("lead", "housing-construction")).statusCode(200);
        action("dept-housing-construction", id, "accept", null).statusCode(200);
        action("dept-housing-construction", id, "await-caller", Map.of("reason", "请提供具体楼栋号")).statusCode(200)
                .body("assignments[0].status", equalTo("AWAITING_CALLER"))
                .body("assignments[0].paused", equalTo(true))
                .body("allowedActions", hasItem("caller-info"));
        action("dept-housing-construction", id, "reply", Map.of("text", "x", "outcome", "RESOLVED")).statusCode(409);
        action("agent1", id, "caller-info", Map.of("note", "12幢2单元")).statusCode(200)
                .body("assignments[0].status", equalTo("ACCEPTED"))
                .body("assignments[0].paused", equalTo(false));
        action("agent1", id, "caller-info", Map.of("note", "again")).statusCode(409);
    }

    @Test
    void anExtensionIsRequestedByTheDepartmentAndDecidedByACoordinator() {
        long id = intake(complaint("13800004444", "老旧小区雨污管网混接，下雨就倒灌。"));
        action("agent1", id, "dispatch", Map.of("lead", "water")).statusCode(200);
        action("dept-water", id, "accept", null).statusCode(200);
        String before = as("coord1").when().get("/api/tickets/" + id).then().extract().path("assignments[0].replyDueAt");
        action("dept-water", id, "extension", Map.of("workingDays", 0, "reason", "x")).statusCode(400)
                .body("errors[0].field", equalTo("workingDays"));
        action("dept-water", id, "extension", Map.of("workingDays", 5, "reason", "需要施工改造")).statusCode(200)
                .body("assignments[0].extensionRequestedDays", equalTo(5));
        action("dept-water", id, "extension-decision", Map.of("department", "water", "approve", true)).statusCode(403);
        action("coord1", id, "extension-decision", Map.of("department", "water", "approve", true, "note", "同意"))
                .statusCode(200)
                .body("assignments[0].extensionDays", equalTo(5))
                .body("assignments[0].extensionRequestedDays", nullValue())
                .body("assignments[0].replyDueAt", not(equalTo(before)));
    }

    @Test
    void anInquiryAnsweredOnTheCallIsRecordedWithTheEntriesUsed() {
        as("agent1").contentType(ContentType.JSON)
                .body(Map.of("callerPhone", "0513-85123456", "type", "INQUIRY", "content", "驾驶证到期怎么换？",
                        "answeredWith", List.of("fx-driving-licence-renewal")))
                .when().post("/api/tickets")
                .then().statusCode(201)
                .body("status", equalTo("ANSWERED"))
                .body("answeredWith", equalTo(List.of("fx-driving-licence-renewal")))
                .body("callerPhone", equalTo("0513-****3456"));
        as("agent1").contentType(ContentType.JSON)
                .body(Map.of("callerPhone", "13800005555", "type", "INQUIRY", "content", "问题",
                        "answeredWith", List.of("no-such-entry")))
                .when().post("/api/tickets")
                .then().statusCode(400).body("errors[0].field", equalTo("answeredWith"));
    }
}
