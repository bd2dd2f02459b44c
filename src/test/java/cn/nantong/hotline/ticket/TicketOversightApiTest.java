package cn.nantong.hotline.ticket;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static cn.nantong.hotline.ticket.TicketLifecycleApiTest.action;
import static cn.nantong.hotline.ticket.TicketLifecycleApiTest.complaint;
import static cn.nantong.hotline.ticket.TicketLifecycleApiTest.intake;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What coordinators and editors get from tickets: red lights, department figures, answers kept as drafts. */
@QuarkusTest
class TicketOversightApiTest {

    @Inject
    LightScan scan;

    @Test
    void theScanTurnsOverdueAssignmentsRedOnceAndRunsOncePerInterval() {
        long id = intake(complaint("13700002001", "河道有人偷排污水。"));
        action("agent1", id, "dispatch", Map.of("lead", "ecology-environment")).statusCode(200);
        Instant muchLater = cn.nantong.hotline.support.ScanTimes.next(Duration.ofDays(40));
        LightScan.Result first = scan.scan(muchLater);
        assertTrue(first.ran());
        assertTrue(first.newlyRed() >= 1);
        assertFalse(scan.scan(muchLater.plusSeconds(5)).ran(), "a second run within the interval is skipped");
        assertTrue(scan.scan(muchLater.plus(Duration.ofMinutes(2))).ran());
        as("coord1").when().get("/api/tickets/" + id).then().statusCode(200)
                .body("timeline.findAll { it.action == 'overdue' }", hasSize(1))
                .body("timeline.find { it.action == 'overdue' }.note", containsString("亮红灯"));
        as("coord1").when().get("/api/stats/departments").then().statusCode(200)
                .body("departments.find { it.department == 'ecology-environment' }.currentlyRed", greaterThanOrEqualTo(1));
    }

    @Test
    void departmentFiguresCountWhatHappened() {
        long a = intake(complaint("13700002002", "菜市场周边占道经营。"));
        action("agent1", a, "dispatch", Map.of("lead", "market-regulation")).statusCode(200);
        action("dept-market-regulation", a, "accept", null).statusCode(200);
        action("dept-market-regulation", a, "reply", Map.of("text", "已于5日联合街道清理占道摊点并设置禁摆区。",
                "outcome", "RESOLVED")).statusCode(200);
        action("agent1", a, "callback", Map.of("satisfaction", "SATISFIED", "resolved", true)).statusCode(200);
        long b = intake(complaint("13700002003", "超市卖过期食品。"));
        action("agent1", b, "dispatch", Map.of("lead", "market-regulation")).statusCode(200);
        action("dept-market-regulation", b, "return", Map.of("reason", "测试退单")).statusCode(200);

        as("coord1").when().get("/api/stats/departments").then().statusCode(200)
                .body("departments", hasSize(18))
                .body("departments.find { it.department == 'market-regulation' }.dispatched", greaterThanOrEqualTo(2))
                .body("departments.find { it.department == 'market-regulation' }.satisfactionRate", notNullValue())
                .body("departments.find { it.department == 'market-regulation' }.returnedRate", notNullValue())
                .body("departments.find { it.department == 'market-regulation' }.responseRate", equalTo(1.0f));
        as("coord1").queryParam("from", "2026-13-01").when().get("/api/stats/departments").then().statusCode(400)
                .body("errors[0].field", equalTo("from"));
        as("coord1").queryParam("from", "2026-05-02").queryParam("to", "2026-05-01").when().get("/api/stats/departments")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        as("agent1").when().get("/api/stats/departments").then().statusCode(403);
        as("dept-market-regulation").when().get("/api/stats/departments").then().statusCode(403);
    }

    @Test
    void aDepartmentsAnswerToATransferredInquiryWaitsForTheEditors() {
        long id = as("agent1").contentType(ContentType.JSON)
                .body(Map.of("callerPhone", "13700002004", "type", "INQUIRY", "category", "公积金",
                        "content", "公积金能不能给父母支付养老院费用？"))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        action("agent1", id, "dispatch", Map.of("lead", "housing-fund")).statusCode(200);
        action("dept-housing-fund", id, "accept", null).statusCode(200);
        action("dept-housing-fund", id, "reply", Map.of("text", "现行政策不支持提取公积金支付父母养老院费用，可用于本人及配偶的大病医疗支出。",
                "outcome", "UNRESOLVED_EXPLAINED")).statusCode(200);
        var draft = as("editor1").when().get("/api/kb/drafts").then().statusCode(200)
                .body("question", hasItem("公积金能不能给父母支付养老院费用？"))
                .extract().jsonPath();
        long draftId = draft.getLong("find { it.ticketId == " + id + " }.id");
        as("editor1").contentType(ContentType.JSON).body(Map.of("status", "DISMISSED"))
                .when().post("/api/kb/drafts/" + draftId + "/decision").then().statusCode(200)
                .body("status", equalTo("DISMISSED"));
        as("editor1").contentType(ContentType.JSON).body(Map.of("status", "PUBLISHED"))
                .when().post("/api/kb/drafts/" + draftId + "/decision").then().statusCode(409);
        as("agent1").when().get("/api/kb/drafts").then().statusCode(403);
    }
}
