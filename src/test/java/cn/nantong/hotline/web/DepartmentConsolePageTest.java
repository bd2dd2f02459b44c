package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import cn.nantong.hotline.support.Tickets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The department console as the server renders it: who may open it, that a department only ever sees its own
 * tickets, which tab each ticket is in as its part moves on, and the supervision notices on top.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class DepartmentConsolePageTest {

    private static final String PAGE = "/console/department";
    private static final List<String> STATE_TABS = List.of("pending", "handling", "awaiting-caller", "replied", "returned");
    private static final List<String> TABS = Stream.concat(STATE_TABS.stream(), Stream.of("supervised")).toList();
    private static final Pattern COUNT = Pattern.compile(
            "data-tab=\"([a-z-]+)\"[^>]*>[^<]*<span class=\"count\">(\\d+)</span>");

    @Test
    void otherRolesGetTheRefusalPageAndAnAdministratorAMessage() {
        Map<String, String> consoles = Map.of("agent1", "/console/agent", "coord1", "/console/coordinator",
                "editor1", "/console/editor");
        consoles.forEach((user, home) -> ConsoleSession.login(user, home).cookieOnly().when().get(PAGE)
                .then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("无权访问此页面")).body(not(containsString("inbox-list"))));

        ConsoleSession.login("admin", "/console/admin").cookieOnly().when().get(PAGE + "?tab=returned").then()
                .statusCode(200).body(containsString("系统管理员账号不属于任何承办单位"))
                .body(not(containsString("department-console.js")));
    }

    @Test
    void aDepartmentSeesOnlyItsOwnTicketsInEveryTabAndInDetail() {
        JsonPath own = Tickets.intake(Tickets.report("COMPLAINT", "13962917001", "海安市", "长江路 9 号",
                "个体户发票开具被拒，税务窗口让来回跑"));
        JsonPath other = Tickets.intake(Tickets.report("COMPLAINT", "13962917002", "海安市", "长江路 11 号",
                "养老院收费不透明，老人家属不满意"));
        long ownId = own.getLong("id");
        long otherId = other.getLong("id");
        dispatch(ownId, "taxation");
        dispatch(otherId, "civil-affairs");

        ConsoleSession taxation = ConsoleSession.login("dept-taxation", PAGE);
        String pending = taxation.cookieOnly().when().get(PAGE).then().statusCode(200)
                .body(containsString("市税务局")).extract().asString();
        assertTrue(pending.contains(own.getString("number")), "own ticket under 待签收");
        for (String tab : TABS) {
            taxation.cookieOnly().when().get(PAGE + "?tab=" + tab).then().statusCode(200)
                    .body(not(containsString(other.getString("number"))))
                    .body(not(containsString("养老院收费不透明")));
        }
        taxation.cookieOnly().when().get(PAGE + "?ticket=" + otherId).then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("没有找到该工单"))
                .body(not(containsString("养老院收费不透明")));
        taxation.cookieOnly().when().get(PAGE + "?ticket=not-a-number").then().statusCode(400);

        String detail = taxation.cookieOnly().when().get(PAGE + "?ticket=" + ownId).then().statusCode(200)
                .extract().asString();
        assertTrue(detail.contains("个体户发票开具被拒，税务窗口让来回跑"), "the content");
        assertTrue(detail.contains("长江路 9 号"), "the address");
        assertTrue(detail.contains("139****7001"), "the caller's number masked");
        assertFalse(detail.contains("13962917001"), "never the full number");
        assertTrue(detail.contains("data-action=\"accept\"") && detail.contains("data-action=\"return\""),
                "a dispatched part can be accepted or returned");
        assertFalse(detail.contains("data-action=\"reply\""), "not replied before it is accepted");
    }

    @Test
    void eachTicketMovesThroughTheTabsAsTheDepartmentsPartMovesOn() {
        ConsoleSession dept = ConsoleSession.login("dept-taxation", PAGE);
        Map<String, Integer> before = counts(dept.cookieOnly().when().get(PAGE).asString());
        long id = Tickets.intake(Tickets.report("COMPLAINT", "13962917003", "如东县", "掘港镇人民路 3 号",
                "车辆购置税退税迟迟没有到账")).getLong("id");
        dispatch(id, "taxation");
        Map<String, Integer> dispatched = counts(dept.cookieOnly().when().get(PAGE).asString());
        assertEquals(before.get("pending") + 1, dispatched.get("pending"), "counted under 待签收");
        assertIn(dept, "pending", id);

        act("dept-taxation", id, "accept", null);
        assertIn(dept, "handling", id);
        act("dept-taxation", id, "await-caller", Map.of("reason", "请提供购车发票号码"));
        assertIn(dept, "awaiting-caller", id);
        dept.cookieOnly().when().get(PAGE + "?tab=awaiting-caller").then().body(containsString("暂停计时"));
        act("agent1", id, "caller-info", Map.of("note", "发票号码 0032"));
        act("dept-taxation", id, "reply", Map.of("text", "退税款已于 5 日退回购车人账户，请查收。", "outcome", "RESOLVED"));
        assertIn(dept, "replied", id);
        Map<String, Integer> replied = counts(dept.cookieOnly().when().get(PAGE).asString());
        assertEquals(before.get("pending"), replied.get("pending"));
        assertEquals(before.get("replied") + 1, replied.get("replied"));

        String opened = dept.cookieOnly().when().get(PAGE + "?ticket=" + id).then().statusCode(200).extract().asString();
        assertTrue(opened.contains("退税款已于 5 日退回购车人账户，请查收。") && opened.contains("已解决"),
                "the earlier reply with its outcome");
        assertTrue(opened.contains("aria-current=\"page\">已回复"), "opened without a tab: its own tab is shown");
        assertFalse(opened.contains("data-action="), "nothing left to do after the reply");

        // 重办: the caller is not satisfied, the ticket comes back, and only the new part is listed.
        act("agent1", id, "callback", Map.of("satisfaction", "UNSATISFIED", "resolved", false, "note", "仍未到账"));
        assertIn(dept, "pending", id);
        Map<String, Integer> reopened = counts(dept.cookieOnly().when().get(PAGE).asString());
        assertEquals(before.get("pending") + 1, reopened.get("pending"));
        assertEquals(before.get("replied"), reopened.get("replied"), "the earlier round's reply is history");
    }

    @Test
    void aBouncedTicketIsUnderSupervisionAndItsNoticeIsOnTop() {
        long id = Tickets.intake(Tickets.report("COMPLAINT", "13962917004", "如东县", "掘港镇青园路 7 号",
                "小区门口废品站占道经营，反映多次没人管")).getLong("id");
        dispatch(id, "market-regulation");
        act("dept-market-regulation", id, "return", Map.of("reason", "占道经营不属于市场监管职责"));
        dispatch(id, "taxation");
        act("dept-taxation", id, "return", Map.of("reason", "与税务无关"));
        ConsoleSession dept = ConsoleSession.login("dept-taxation", PAGE);
        assertIn(dept, "returned", id);
        assertIn(dept, "supervised", id);

        long caseId = as("coord1").when().get("/api/supervision/cases?ticket=" + id).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        as("coord1").contentType(ContentType.JSON).body(Map.of("lead", "taxation", "co", List.of(),
                        "deadline", LocalDate.now().plusDays(7).toString()))
                .when().post("/api/supervision/cases/" + caseId + "/assign").then().statusCode(200);
        as("coord1").contentType(ContentType.JSON).body(Map.of("text", "请税务局牵头会同城管核实废品站经营资质。"))
                .when().post("/api/supervision/cases/" + caseId + "/notice").then().statusCode(200);

        dept.cookieOnly().when().get(PAGE).then().statusCode(200)
                .body(containsString("请税务局牵头会同城管核实废品站经营资质。"))
                .body(containsString("data-case=\"" + caseId + "\""));
        ConsoleSession.login("dept-civil-affairs", PAGE).cookieOnly().when().get(PAGE).then().statusCode(200)
                .body(not(containsString("请税务局牵头会同城管核实废品站经营资质。")));
    }

    /** Listed under {@code tab}; for a state tab also under no other state tab. */
    private static void assertIn(ConsoleSession dept, String tab, long id) {
        String number = as("agent1").when().get("/api/tickets/" + id).then().extract().path("number");
        for (String t : tab.equals("supervised") ? List.of(tab) : STATE_TABS) {
            String page = dept.cookieOnly().when().get(PAGE + "?tab=" + t).then().statusCode(200).extract().asString();
            assertEquals(t.equals(tab), page.contains(number), number + " listed under " + t + " (expected " + tab + ")");
        }
    }

    private static Map<String, Integer> counts(String page) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = COUNT.matcher(page);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        assertEquals(TABS.size(), counts.size(), "a count on every tab");
        return counts;
    }

    private static void dispatch(long id, String department) {
        act("agent1", id, "dispatch", Map.of("lead", department));
    }

    private static void act(String user, long id, String action, Object body) {
        var request = as(user).contentType(ContentType.JSON);
        if (body != null) {
            request = request.body(body);
        }
        request.when().post("/api/tickets/" + id + "/" + action).then().statusCode(200);
    }
}
