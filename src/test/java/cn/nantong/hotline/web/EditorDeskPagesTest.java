package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.anonymous;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** The editors' desk as a browser gets it: role checks, work lists, preview, publish-then-search and history. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class EditorDeskPagesTest {

    private static final List<String> PAGES = List.of("/console/editor", "/console/editor/new",
            "/console/editor/edit?id=fx-gas-leak", "/console/editor/history?id=fx-gas-leak");

    private static Map<String, Object> entry(String id, String title, String body, Integer version) {
        Map<String, Object> m = new HashMap<>(Map.of("id", id, "title", title, "category", "燃气供热",
                "department", "gas", "keywords", List.of("燃气表", "换表"), "body", body,
                "reviewBy", "2099-01-01"));
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    @Test
    void otherRolesAreRefusedAndNoSessionGoesToLogin() {
        for (Map.Entry<String, String> user : Map.of("agent1", "/console/agent", "coord1", "/console/coordinator",
                "dept-water", "/console/department").entrySet()) {
            ConsoleSession session = ConsoleSession.login(user.getKey(), user.getValue());
            for (String path : PAGES) {
                session.cookieOnly().when().get(path).then().statusCode(403)
                        .contentType(containsString("text/html"))
                        .body(containsString("无权使用此页面"));
            }
        }
        for (String path : PAGES) {
            anonymous().redirects().follow(false).when().get(path).then().statusCode(302)
                    .header("Location", endsWith("/login"));
        }
        as("agent1").contentType(ContentType.JSON).body(Map.of("body", "正文")).when().post("/api/kb/preview")
                .then().statusCode(403);
        ConsoleSession admin = ConsoleSession.login("admin", "/console/editor");
        admin.cookieOnly().when().get("/console/editor").then().statusCode(200).body(containsString("全部条目"));
    }

    @Test
    void theDeskListsStaleEntriesGapsAndDraftsEachLinkingToTheEditor() {
        anonymous().queryParam("q", "plumbus zqxv").when().get("/api/kb/search").then().statusCode(200)
                .body("total", equalTo(0));
        long draft = departmentAnswer("能不能在网上补办独生子女证？", "可以，登录苏服办App搜索独生子女父母光荣证补办。");

        ConsoleSession editor = ConsoleSession.login("editor1", "/console/editor");
        editor.cookieOnly().when().get("/console/editor").then().statusCode(200)
                .header("Content-Security-Policy", PublicPageHeaders.CONTENT_SECURITY_POLICY)
                .body(containsString("/assets/editor-desk.js"))
                .body(containsString("<span class=\"user-role\">热线百科编辑</span>"))
                .body(containsString("<a href=\"/console/editor/edit?id=fx-id-card-reissue\">"))
                .body(containsString("plumbus zqxv"))
                .body(containsString("/console/editor/new?title=plumbus+zqxv"))
                .body(containsString("能不能在网上补办独生子女证？"))
                .body(containsString("/console/editor/new?draft=" + draft));

        editor.cookieOnly().queryParam("q", "燃气").when().get("/console/editor").then().statusCode(200)
                .body(containsString("/console/editor/edit?id=fx-gas-leak\""))
                .body(not(containsString("/console/editor/edit?id=fx-driving-licence-renewal\"")));
        editor.cookieOnly().queryParam("state", "STALE").when().get("/console/editor").then().statusCode(200)
                .body(containsString("/console/editor/edit?id=fx-id-card-reissue\""))
                .body(not(containsString("/console/editor/edit?id=fx-gas-leak\"")));

        editor.cookieOnly().queryParam("draft", draft).when().get("/console/editor/new").then().statusCode(200)
                .body(containsString("可以，登录苏服办App搜索独生子女父母光荣证补办。</textarea>"))
                .body(containsString("data-draft=\"" + draft + "\""));
        editor.cookieOnly().when().get("/console/editor/edit?id=no-such-entry").then().statusCode(404)
                .body(containsString("no-such-entry"));
    }

    @Test
    void thePreviewRendersLikeThePublicPageAndEscapesMarkup() {
        ConsoleSession editor = ConsoleSession.login("editor1", "/console/editor");
        String markdown = "<script>alert(1)</script>\n\n## 网上办理\n登录[苏服办](javascript:alert(2))申请。";
        editor.withToken().contentType(ContentType.JSON).body(Map.of("body", markdown))
                .when().post("/api/kb/preview").then().statusCode(200)
                .body("html", allOf(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"),
                        not(containsString("<script>")), not(containsString("javascript:")),
                        containsString("<h2 id=\"online-guide\">网上办理</h2>")));
        editor.cookieOnly().contentType(ContentType.JSON).body(Map.of("body", markdown))
                .when().post("/api/kb/preview").then().statusCode(403);
    }

    @Test
    void aPublishedEntryIsFoundAtOnceAndItsHistoryShowsWhatChanged() {
        ConsoleSession editor = ConsoleSession.login("editor1", "/console/editor");
        editor.withToken().contentType(ContentType.JSON)
                .body(entry("ed-gas-meter", "燃气表免费更换预约", "## 说明\n燃气表使用满十年的免费更换。", null))
                .when().post("/api/kb/entries").then().statusCode(201).body("version", equalTo(1));
        anonymous().queryParam("q", "燃气表免费更换").when().get("/search").then().statusCode(200)
                .body(containsString("href=\"/entries/ed-gas-meter\""));

        editor.withToken().contentType(ContentType.JSON)
                .body(entry("ed-gas-meter", "燃气表免费更换预约", "## 说明\n燃气表使用满八年的免费更换。\n<script>x</script>", 1))
                .when().put("/api/kb/entries/ed-gas-meter").then().statusCode(200).body("version", equalTo(2));
        editor.withToken().contentType(ContentType.JSON)
                .body(entry("ed-gas-meter", "燃气表更换", "## 说明\n别人的旧版本", 1))
                .when().put("/api/kb/entries/ed-gas-meter").then().statusCode(409)
                .body("detail", containsString("当前第 2 版"));

        editor.cookieOnly().when().get("/console/editor/history?id=ed-gas-meter").then().statusCode(200)
                .body(containsString("第 1 版 → 第 2 版"))
                .body(containsString("燃气表使用满<del>十</del><ins>八</ins>年的免费更换。"))
                .body(containsString("<ins>&lt;script&gt;x&lt;/script&gt;</ins>"))
                .body(not(containsString("<script>x")));
        editor.cookieOnly().queryParam("from", 2).queryParam("to", 2)
                .when().get("/console/editor/history?id=ed-gas-meter").then().statusCode(200)
                .body(containsString("请选择两个不同的版本"));
        editor.cookieOnly().queryParam("from", 7).when().get("/console/editor/history?id=ed-gas-meter")
                .then().statusCode(404);
    }

    @Test
    void theEntryPageLinksItsOnlineGuideAndService() {
        anonymous().when().get("/entries/fx-driving-licence-renewal").then().statusCode(200)
                .body(containsString("<a class=\"button online-guide\" href=\"#online-guide\">"))
                .body(containsString("<h2 id=\"online-guide\">网上办理</h2>"))
                .body(not(containsString("online-service")));

        as("editor1").contentType(ContentType.JSON)
                .body(entry("ed-gas-online", "燃气开户网上申请", "## 网上办理\n在[燃气公司网上营业厅](https://gas.example.cn/open)申请开户。", null))
                .when().post("/api/kb/entries").then().statusCode(201);
        anonymous().when().get("/entries/ed-gas-online").then().statusCode(200)
                .body(containsString("<a class=\"button online-service\" href=\"https://gas.example.cn/open\""));
        anonymous().when().get("/entries/fx-gas-leak").then().statusCode(200)
                .body(not(containsString("online-guide")));
    }

    /** A transferred inquiry answered by the housing-fund office: the answer becomes a draft for the editors. */
    private static long departmentAnswer(String question, String answer) {
        long id = as("agent1").contentType(ContentType.JSON)
                .body(Map.of("callerPhone", "13700002104", "type", "INQUIRY", "content", question))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath().getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "housing-fund"))
                .when().post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
        as("dept-housing-fund").when().post("/api/tickets/" + id + "/accept").then().statusCode(200);
        as("dept-housing-fund").contentType(ContentType.JSON)
                .body(Map.of("text", answer, "outcome", "RESOLVED"))
                .when().post("/api/tickets/" + id + "/reply").then().statusCode(200);
        return as("editor1").when().get("/api/kb/drafts").then().statusCode(200).extract().jsonPath()
                .getLong("find { it.ticketId == " + id + " }.id");
    }
}
