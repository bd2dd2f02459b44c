package cn.nantong.hotline.ticket;

import cn.nantong.hotline.support.AtOnce;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import static cn.nantong.hotline.support.Api.anonymous;

import static cn.nantong.hotline.support.Api.as;
import static cn.nantong.hotline.ticket.TicketLifecycleApiTest.action;
import static cn.nantong.hotline.ticket.TicketLifecycleApiTest.complaint;
import static cn.nantong.hotline.ticket.TicketLifecycleApiTest.intake;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The guarantees around the lifecycle: idempotency, conflicts, isolation, validation, import, lists. */
@QuarkusTest
class TicketRulesApiTest {

    private static int countByCaller(String phone) {
        return as("agent1").contentType(ContentType.JSON).body(Map.of("phone", phone)).when().post("/api/callers/tickets").then().statusCode(200)
                .extract().jsonPath().getList("$").size();
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheFirstTicketAndCreatesNothing() {
        Map<String, Object> body = complaint("13900001001", "小区电梯经常停运，老人上下楼困难。");
        var first = as("agent1").header("Idempotency-Key", "call-7781").contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets").then().statusCode(201).extract();
        as("agent1").header("Idempotency-Key", "call-7781").contentType(ContentType.JSON).body(body)
                .when().post("/api/tickets").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("number", equalTo(first.path("number")));
        assertEquals(1, countByCaller("13900001001"));
        as("agent1").header("Idempotency-Key", "call-7781").contentType(ContentType.JSON)
                .body(complaint("13900001001", "另一件事"))
                .when().post("/api/tickets").then().statusCode(422).contentType("application/problem+json");
        assertEquals(1, countByCaller("13900001001"));
    }

    /** A client that times out and retries at once: both requests run, and the one that commits second answers like the first. */
    @Test
    void concurrentRetriesWithOneKeyRecordOneTicket() throws Exception {
        Map<String, Object> body = complaint("13900001009", "楼道里堆满杂物，存在消防隐患。");
        Set<Integer> distinct = new HashSet<>(AtOnce.run(4, () -> as("agent1").header("Idempotency-Key", "call-retry-9")
                .contentType(ContentType.JSON).body(body).when().post("/api/tickets").then().statusCode(201)
                .extract().<Integer>path("id")));
        assertEquals(1, distinct.size(), "every answer names the one ticket: " + distinct);
        assertEquals(1, countByCaller("13900001009"));
    }

    @Test
    void actionsAreIdempotentToo() {
        long id = intake(complaint("13900001002", "路灯不亮。"));
        for (int i = 0; i < 2; i++) {
            // The retry's own dispatch is refused (the ticket is dispatched already): the first answer is given instead.
            as("agent1").header("Idempotency-Key", "dispatch-" + id).contentType(ContentType.JSON)
                    .body(Map.of("lead", "urban-management")).when().post("/api/tickets/" + id + "/dispatch")
                    .then().statusCode(200).body("status", equalTo("DISPATCHED")).body("assignments", hasSize(1))
                    .header("Idempotent-Replayed", i == 0 ? nullValue() : equalTo("true"));
        }
        as("agent1").header("Idempotency-Key", "dispatch-" + id).contentType(ContentType.JSON)
                .body(Map.of("lead", "water")).when().post("/api/tickets/" + id + "/dispatch")
                .then().statusCode(422).contentType("application/problem+json");
        assertEquals(2, as("coord1").when().get("/api/tickets/" + id).then().extract().jsonPath()
                .getList("timeline").size(), "intake and one dispatch");
    }

    @Test
    void twoPeopleActingAtOnceNeverBothWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = intake(complaint("13900001003", "噪音扰民第" + round + "次"));
            action("agent1", id, "dispatch", Map.of("lead", "public-security")).statusCode(200);
            List<Integer> codes = AtOnce.run(List.<Callable<Integer>>of(
                    () -> as("dept-public-security").when().post("/api/tickets/" + id + "/accept").statusCode(),
                    () -> as("dept-public-security").contentType(ContentType.JSON).body(Map.of("reason", "不属于本部门"))
                            .when().post("/api/tickets/" + id + "/return").statusCode()));
            // accept then return is a legal sequence, so both may succeed one after the other; what must
            // never happen is a lost update: the timeline must show exactly the successful actions.
            long ok = codes.stream().filter(c -> c == 200).count();
            codes.forEach(c -> org.junit.jupiter.api.Assertions.assertTrue(c == 200 || c == 409, "status " + c));
            int events = as("coord1").when().get("/api/tickets/" + id).then().extract().jsonPath()
                    .getList("timeline").size();
            assertEquals(2 + ok, events, "intake + dispatch + each successful action");
        }
    }

    @Test
    void concurrentAcceptsOfOneAssignmentLetExactlyOneWin() throws Exception {
        long id = intake(complaint("13900001004", "井盖松动。"));
        action("agent1", id, "dispatch", Map.of("lead", "water")).statusCode(200);
        List<Integer> codes = AtOnce.run(4, () -> as("dept-water").when().post("/api/tickets/" + id + "/accept").statusCode());
        assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
        assertEquals(3, codes.stream().filter(c -> c == 409).count(), codes.toString());
        as("coord1").when().get("/api/tickets/" + id).then()
                .body("timeline.findAll { it.action == 'accept' }", hasSize(1));
    }

    @Test
    void departmentsSeeOnlyTheirOwnTickets() {
        long id = intake(complaint("13900001005", "燃气表漏气。"));
        action("agent1", id, "dispatch", Map.of("lead", "gas")).statusCode(200);
        as("dept-gas").when().get("/api/tickets/" + id).then().statusCode(200);
        as("dept-water").when().get("/api/tickets/" + id).then().statusCode(404).contentType("application/problem+json");
        as("dept-water").when().post("/api/tickets/" + id + "/accept").then().statusCode(404);
        as("dept-water").when().get("/api/tickets?size=200").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        as("dept-gas").when().get("/api/tickets?size=200").then().statusCode(200)
                .body("items.id", hasItem((int) id));
        as("dept-gas").contentType(ContentType.JSON).body(Map.of("phone", "13900001005")).when().post("/api/callers/tickets").then().statusCode(403);
        as("editor1").when().get("/api/tickets/" + id).then().statusCode(403);
        anonymous().when().get("/api/tickets/" + id).then().statusCode(401);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndChangesNothing() {
        String phone = "13900001006";
        Map<String, Object> good = complaint(phone, "内容");
        refuse(with(good, "callerPhone", "12345"), "callerPhone");
        refuse(with(good, "district", "火星区"), "district");
        refuse(with(good, "address", " "), "address");
        refuse(with(good, "content", "长".repeat(2001)), "content");
        refuse(with(good, "type", "PRAISE"), "type");
        refuse(with(good, "receivedAt", "2026-01-01T10:00:00+08:00"), "receivedAt");
        refuse(with(good, "department", "water"), "department");
        as("agent1").contentType(ContentType.JSON).body("{\"callerPhone\": ").when().post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json");
        as("dept-water").contentType(ContentType.JSON).body(good).when().post("/api/tickets").then().statusCode(403);
        assertEquals(0, countByCaller(phone));

        long id = intake(good);
        action("agent1", id, "dispatch", Map.of("lead", "ministry-of-magic")).statusCode(400)
                .body("errors[0].field", equalTo("lead"));
        action("agent1", id, "dispatch", Map.of("lead", "water", "co", List.of("water"))).statusCode(400)
                .body("errors[0].field", equalTo("co"));
        action("agent1", id, "dispatch", Map.of("lead", "water", "co", List.of("nope"))).statusCode(400);
        as("coord1").when().get("/api/tickets/" + id).then().body("status", equalTo("NEW"))
                .body("timeline", hasSize(1));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static void refuse(Map<String, Object> body, String field) {
        as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void illegalTransitionsNameTheStateAndWhatIsAllowed() {
        long id = intake(complaint("13900001007", "违章搭建。"));
        action("dept-urban-management", id, "accept", null).statusCode(404);
        action("agent1", id, "callback", Map.of("satisfaction", "SATISFIED", "resolved", true)).statusCode(409)
                .body("state", equalTo("NEW"))
                .body("allowedActions", equalTo(List.of("dispatch")))
                .body("detail", containsString("NEW"));
        action("agent1", id, "dispatch", Map.of("lead", "urban-management")).statusCode(200);
        action("dept-urban-management", id, "reply", Map.of("text", "x", "outcome", "RESOLVED")).statusCode(409)
                .body("allowedActions", equalTo(List.of("accept", "return")));
    }

    @Test
    void historyImportProcessesEveryRecordInOrderAndReportsBadOnesByIndex() {
        List<Map<String, Object>> records = List.of(
                Map.of("seq", 1, "receivedAt", "2026-01-05T11:36:00+08:00", "callerPhone", "13226148123", "channel", "APP",
                        "type", "COMPLAINT", "district", "海门区", "address", "海门区某小区", "content", "物业不作为",
                        "department", "housing-construction"),
                Map.of("receivedAt", "2026-01-05T12:00:00+08:00", "callerPhone", "bad", "type", "COMPLAINT",
                        "district", "海门区", "address", "x", "content", "y"),
                Map.of("receivedAt", "2026-01-06T09:00:00+08:00", "callerPhone", "13226148123", "type", "INQUIRY",
                        "content", "公积金怎么提取？"));
        as("admin").contentType(ContentType.JSON).body(records).when().post("/api/tickets/import")
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("[0].status", equalTo("CLOSED"))
                .body("[0].handledBy", equalTo("housing-construction"))
                .body("[0].number", containsString("20260105-"))
                .body("[0].receivedAt", equalTo("2026-01-05T03:36:00Z"))
                .body("[1].status", equalTo(400))
                .body("[1].index", equalTo(1))
                .body("[1].errors.field", hasItem("callerPhone"))
                .body("[2].status", equalTo("NEW"));
        as("agent1").contentType(ContentType.JSON).body(records).when().post("/api/tickets/import").then().statusCode(403);
        as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "13226148123")).when().post("/api/callers/tickets").then().statusCode(200)
                .body("number[0]", containsString("20260106-"));
    }

    @Test
    void listsFilterAndPageStably() {
        for (int i = 0; i < 3; i++) {
            long id = intake(Map.of("callerPhone", "13900001008", "type", "REPORT", "district", "启东市",
                    "address", "启东市汇龙镇", "content", "举报非法采砂第" + i + "处"));
            action("agent1", id, "dispatch", Map.of("lead", "natural-resources")).statusCode(200);
        }
        var page0 = as("coord1").queryParam("district", "启东市").queryParam("type", "REPORT").queryParam("size", 2)
                .when().get("/api/tickets").then().statusCode(200)
                .body("total", equalTo(3)).body("items", hasSize(2))
                .body("items.district", everyItem(equalTo("启东市"))).extract();
        as("coord1").queryParam("district", "启东市").queryParam("type", "REPORT").queryParam("size", 2).queryParam("page", 1)
                .when().get("/api/tickets").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items.id", not(hasItem(page0.<Integer>path("items[0].id"))));
        as("coord1").queryParam("q", "非法采砂").queryParam("department", "natural-resources").queryParam("light", "green")
                .when().get("/api/tickets").then().statusCode(200).body("total", equalTo(3));
        as("coord1").queryParam("status", "OPEN").when().get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("coord1").queryParam("from", "yesterday").when().get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("coord1").queryParam("size", 1000).when().get("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }
}
