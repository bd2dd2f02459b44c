package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.support.EmbeddedPostgresResource;
import cn.nantong.hotline.support.Tickets;
import cn.nantong.hotline.ticket.Access;
import cn.nantong.hotline.ticket.TicketQueries;
import cn.nantong.hotline.ticket.TicketViews;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's callback list (回访): replied tickets only, the longest-waiting first, paged; agents and admins only. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class AgentCallbackListTest {

    private static final Access AGENT = new Access("agent1", Role.AGENT, null);

    @Inject
    TicketQueries queries;

    @Test
    void repliedTicketsAreListedByReplyTimeOldestFirstAcrossPages() {
        long first = accepted("13700001111", "青年东路 11 号", "菜市场门口下水道堵塞污水外溢");
        long second = accepted("13700002222", "濠西路 22 号", "公园南门路灯不亮已有一周");
        long third = accepted("13700003333", "北濠东路 33 号", "小学门口人行道地砖破损");
        long acceptedOnly = accepted("13700004444", "南大街 44 号", "桥下堆放建筑垃圾");
        // Replied in another order than recorded: the list follows the replies.
        reply(third);
        reply(first);
        reply(second);

        List<TicketViews.CallbackDue> all = new ArrayList<>();
        TicketViews.Page<TicketViews.CallbackDue> page = queries.awaitingCallback("0", "2", AGENT);
        long total = page.total();
        for (int p = 0; !page.items().isEmpty(); page = queries.awaitingCallback(String.valueOf(++p), "2", AGENT)) {
            assertTrue(page.items().size() <= 2, "a page holds at most its size");
            assertEquals(total, page.total(), "the total is the same on every page");
            all.addAll(page.items());
        }
        List<Long> ids = all.stream().map(TicketViews.CallbackDue::id).toList();
        assertEquals(total, ids.size(), "every waiting ticket on exactly one page");
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no ticket on two pages");
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).repliedAt().isBefore(all.get(i - 1).repliedAt()), "oldest reply first");
        }
        assertTrue(ids.indexOf(third) < ids.indexOf(first) && ids.indexOf(first) < ids.indexOf(second), ids.toString());
        assertFalse(ids.contains(acceptedOnly), "not replied yet: nothing to call back about");

        TicketViews.CallbackDue due = all.get(ids.indexOf(first));
        assertEquals("137****1111", due.callerPhone(), "the number masked");
        assertEquals(1, due.replies().size());
        assertEquals("市水务局", due.replies().get(0).departmentName());
        assertEquals("已安排疏通，现场已恢复。", due.replies().get(0).text());

        as("agent1").contentType(ContentType.JSON)
                .body(Map.of("satisfaction", "SATISFIED", "resolved", true)).when().post("/api/tickets/" + first + "/callback")
                .then().statusCode(200);
        List<Long> after = queries.awaitingCallback("0", "100", AGENT).items().stream().map(TicketViews.CallbackDue::id).toList();
        assertFalse(after.contains(first), "called back: off the list");
        assertTrue(after.contains(second));
    }

    @Test
    void theListPageIsForAgentsAndAdministratorsOnly() {
        long id = accepted("13700005555", "人民中路 55 号", "商场地下车库积水严重");
        reply(id);
        String number = as("agent1").when().get("/api/tickets/" + id).then().extract().path("number");

        ConsoleSession agent = ConsoleSession.login("agent1", "/console/agent");
        String page = agent.cookieOnly().when().get("/console/agent/callbacks?page=0").then().statusCode(200)
                .body(containsString("/assets/agent-callbacks.js"))
                .body(containsString("回访"))
                .extract().asString();
        if (!page.contains(number)) {
            // Many tickets wait in the shared test database: the new one is on a later page.
            int pages = Integer.parseInt(page.replaceAll("(?s).*第 \\d+ / (\\d+) 页.*", "$1"));
            page = agent.cookieOnly().when().get("/console/agent/callbacks?page=" + (pages - 1)).then().statusCode(200)
                    .extract().asString();
        }
        assertTrue(page.contains(number), "the replied ticket is listed");
        assertTrue(page.contains("137****5555") && !page.contains("13700005555"), "the number only masked");
        assertTrue(page.contains("已安排疏通，现场已恢复。"), "with the department's reply");

        signedIn("admin").when().get("/console/agent/callbacks").then().statusCode(200);
        for (String other : List.of("dept-water", "coord1", "editor1")) {
            signedIn(other).when().get("/console/agent/callbacks").then()
                    .statusCode(403).body(containsString("无权使用此页面")).body(not(containsString("137****5555")));
        }
        RestAssured.given().redirects().follow(false).when().get("/console/agent/callbacks").then()
                .statusCode(302).header("Location", endsWith("/login"));
    }

    private static RequestSpecification signedIn(String username) {
        String session = ConsoleSession.formLogin(username, "demo12345").getCookie(ConsoleSession.SESSION_COOKIE);
        return RestAssured.given().redirects().follow(false).cookie(ConsoleSession.SESSION_COOKIE, session);
    }

    /** A complaint dispatched to the water department and accepted, not yet replied. */
    @Test
    void theDeskListsTheLatestTicketsWithTypeAndStatusInChinese() {
        String number = Tickets.intake(Tickets.report("REPORT", "13700005555", "崇川区", "南通大道 55 号",
                "工地夜间违规施工噪音扰民")).getString("number");
        String row = ConsoleSession.login("agent1", "/console/agent").cookieOnly().when().get("/console/agent").then()
                .statusCode(200).extract().body().asString();
        int at = row.indexOf("<td>" + number + "</td>");
        assertTrue(at > 0, "the new ticket is among the latest");
        String cells = row.substring(at, row.indexOf("</tr>", at));
        assertTrue(cells.contains("<td>举报</td>") && cells.contains("<td>待派单</td>"), cells);
        assertFalse(cells.contains("REPORT") || cells.contains(">NEW<"), cells);
    }

    private static long accepted(String phone, String address, String content) {
        long id = Tickets.intake(Tickets.report("COMPLAINT", phone, "崇川区", address, content)).getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "water")).when()
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
        as("dept-water").contentType(ContentType.JSON).when().post("/api/tickets/" + id + "/accept").then().statusCode(200);
        return id;
    }

    private static void reply(long id) {
        as("dept-water").contentType(ContentType.JSON)
                .body(Map.of("text", "已安排疏通，现场已恢复。", "outcome", "RESOLVED"))
                .when().post("/api/tickets/" + id + "/reply").then().statusCode(200);
    }
}
