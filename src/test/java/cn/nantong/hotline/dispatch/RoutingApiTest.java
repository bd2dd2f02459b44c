package cn.nantong.hotline.dispatch;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every intake suggests departments, learned from history as it is imported, and from admin rules. */
@QuarkusTest
class RoutingApiTest {

    @Test
    void intakeAnswersUpToThreeSuggestionsWithReasons() {
        JsonPath t = intake(report("COMPLAINT", "13400170001", "通州区", "通州区金沙镇",
                "小区里有人跳广场舞，音响开得特别大，晚上十点还不停。"));
        List<Map<String, Object>> s = t.getList("suggestedDepartments");
        assertFalse(s.isEmpty());
        assertTrue(s.size() <= 3);
        assertEquals("public-security", s.get(0).get("code"));
        assertFalse(((List<?>) s.get(0).get("reasons")).isEmpty());
    }

    @Test
    void suggestionsWhileTypingMatchWhatIntakeWouldSuggestAndStoreNothing() {
        String text = "楼下烧烤店每天营业到凌晨两点，音响和划拳声吵得睡不着。";
        long before = as("coord1").when().get("/api/tickets?size=1").then().statusCode(200).extract().jsonPath().getLong("total");
        List<Map<String, Object>> typed = as("agent1").contentType(ContentType.JSON).body(Map.of("content", text))
                .when().post("/api/tickets/department-suggestions").then().statusCode(200).extract().jsonPath().getList("$");
        assertFalse(typed.isEmpty());
        assertEquals(before, as("coord1").when().get("/api/tickets?size=1").then().extract().jsonPath().getLong("total"));

        JsonPath recorded = intake(report("COMPLAINT", "13400170021", "崇川区", "崇川区工农路", text));
        assertEquals(typed.get(0).get("code"), recorded.getString("suggestedDepartments[0].code"));
    }

    @Test
    void suggestionsWhileTypingAreForAgentsAndNeedTheText() {
        as("agent1").contentType(ContentType.JSON).body(Map.of("content", " ")).when()
                .post("/api/tickets/department-suggestions").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("content"));
        as("dept-water").contentType(ContentType.JSON).body(Map.of("content", "停水了")).when()
                .post("/api/tickets/department-suggestions").then().statusCode(403);
    }

    @Test
    void importedHistoryTeachesTheNextRecordOfTheSameImport() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (String c : List.of("小区门口的智能快递柜超时收费，放了半天就收一块钱。",
                "快递柜取件超过十二小时就收费，快递员不打电话直接塞柜子。",
                "驿站的快递柜保管费收得不合理，没人告诉过我们要收费。")) {
            records.add(Map.of("callerPhone", "13400170010", "type", "COMPLAINT", "district", "通州区",
                    "address", "通州区世纪大道", "content", c, "receivedAt", "2026-01-05T09:00:00+08:00",
                    "department", "market-regulation"));
        }
        records.add(Map.of("callerPhone", "13400170011", "type", "COMPLAINT", "district", "通州区",
                "address", "通州区碧霞路", "content", "快递柜超时收费太黑了，取个件还要交钱。",
                "receivedAt", "2026-01-06T09:00:00+08:00"));
        JsonPath answers = as("admin").contentType(ContentType.JSON).body(records).when().post("/api/tickets/import")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("market-regulation", answers.getString("[3].suggestedDepartments[0].code"));
        assertTrue(answers.getString("[3].suggestedDepartments[0].reasons").contains("类似工单"),
                answers.getString("[3].suggestedDepartments[0].reasons"));
    }

    @Test
    void administratorsEditRulesAndTheyApplyAtOnce() {
        List<Map<String, Object>> before = as("admin").when().get("/api/routing/rules").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertFalse(before.isEmpty(), "the shipped default rules were seeded");
        as("admin").contentType(ContentType.JSON).body(List.of(Map.of("keyword", "祠堂", "department", "civil-affairs",
                        "weight", 1.0), Map.of("keyword", "祠堂", "department", "no-such-dept", "weight", 1.0)))
                .when().put("/api/routing/rules").then().statusCode(400).body("errors[0].field", equalTo("[1].department"));
        as("admin").when().get("/api/routing/rules").then().body("size()", equalTo(before.size()));
        List<Map<String, Object>> edited = new ArrayList<>(before);
        edited.add(Map.of("keyword", "祠堂", "department", "civil-affairs", "weight", 5.0));
        try {
            as("admin").contentType(ContentType.JSON).body(edited).when().put("/api/routing/rules").then().statusCode(200);
            intake(report("SUGGESTION", "13400170020", "通州区", "通州区二甲镇", "村里的老祠堂年久失修，建议修缮。"));
            as("agent1").contentType(ContentType.JSON).body(report("SUGGESTION", "13400170021", "通州区", "通州区二甲镇",
                            "村里的老祠堂年久失修，建议修缮。")).when().post("/api/tickets").then().statusCode(201)
                    .body("suggestedDepartments[0].code", equalTo("civil-affairs"))
                    .body("suggestedDepartments[0].reasons", hasItem("命中规则：关键词“祠堂”"))
                    .body("suggestedDepartments.size()", lessThanOrEqualTo(3));
        } finally {
            as("admin").contentType(ContentType.JSON).body(before).when().put("/api/routing/rules").then().statusCode(200);
        }
        as("agent1").when().get("/api/routing/rules").then().statusCode(403);
    }
}
