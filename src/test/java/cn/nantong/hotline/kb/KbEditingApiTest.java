package cn.nantong.hotline.kb;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.anonymous;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class KbEditingApiTest {

    private static Map<String, Object> entry(String id, String title, String body, Integer version) {
        Map<String, Object> m = new java.util.HashMap<>(Map.of(
                "id", id, "title", title, "category", "公交出租", "department", "transport",
                "keywords", List.of("公交", "线路"), "body", body, "reviewBy", "2099-01-01"));
        if (version != null) {
            m.put("version", version);
        }
        return m;
    }

    @Test
    void aCreatedEntryIsSearchableAtOnceAndEveryVersionIsKept() {
        as("editor1").contentType(ContentType.JSON)
                .body(entry("ed-night-bus", "夜间公交线路查询", "## 说明\n南通夜班公交线路每晚二十二点至次日五点运营。", null))
                .when().post("/api/kb/entries")
                .then().statusCode(201)
                .header("Location", containsString("/api/kb/entries/ed-night-bus"))
                .body("version", equalTo(1))
                .body("updatedBy", equalTo("editor1"));
        anonymous().queryParam("q", "夜班公交").when().get("/api/kb/search")
                .then().statusCode(200).body("hits[0].id", equalTo("ed-night-bus"));

        Map<String, Object> v2 = entry("ed-night-bus", "夜间公交线路与票价", "## 说明\n夜班公交票价两元，可刷交通联合卡。", 1);
        v2.put("note", "补充票价");
        as("editor1").contentType(ContentType.JSON).body(v2)
                .when().put("/api/kb/entries/ed-night-bus")
                .then().statusCode(200).body("version", equalTo(2)).body("title", equalTo("夜间公交线路与票价"));
        anonymous().queryParam("q", "夜班公交票价").when().get("/api/kb/search")
                .then().statusCode(200).body("hits[0].title", equalTo("夜间公交线路与票价"));

        as("editor1").when().get("/api/kb/entries/ed-night-bus/versions")
                .then().statusCode(200)
                .body("version", equalTo(List.of(2, 1)))
                .body("[0].changeNote", equalTo("补充票价"));
        as("editor1").when().get("/api/kb/entries/ed-night-bus/versions/1")
                .then().statusCode(200).body("title", equalTo("夜间公交线路查询"));
    }

    @Test
    void aStaleVersionIsRefusedInsteadOfOverwritingSomeoneElsesChange() {
        as("editor1").contentType(ContentType.JSON)
                .body(entry("ed-bus-card", "公交卡充值网点", "## 说明\n公交卡可在各公交服务网点充值。", null))
                .when().post("/api/kb/entries").then().statusCode(201);
        as("editor1").contentType(ContentType.JSON)
                .body(entry("ed-bus-card", "公交卡充值网点（更新）", "## 说明\n也可在 App 充值。", 1))
                .when().put("/api/kb/entries/ed-bus-card").then().statusCode(200);
        as("admin").contentType(ContentType.JSON)
                .body(entry("ed-bus-card", "另一人的修改", "## 说明\n旧版本上的修改。", 1))
                .when().put("/api/kb/entries/ed-bus-card")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("已被修改"));
        anonymous().when().get("/api/kb/entries/ed-bus-card")
                .then().statusCode(200).body("title", equalTo("公交卡充值网点（更新）"));
    }

    @Test
    void aRetiredEntryLeavesSearchButKeepsItsHistory() {
        as("editor1").contentType(ContentType.JSON)
                .body(entry("ed-ferry", "海门轮渡时刻表", "## 说明\n海门至崇明轮渡每日八班。", null))
                .when().post("/api/kb/entries").then().statusCode(201);
        as("editor1").contentType(ContentType.JSON).body(Map.of("version", 1, "note", "航线停运"))
                .when().post("/api/kb/entries/ed-ferry/retire")
                .then().statusCode(200).body("retired", equalTo(true)).body("version", equalTo(2));
        anonymous().queryParam("q", "海门轮渡").when().get("/api/kb/search")
                .then().statusCode(200).body("hits.id", not(hasItem("ed-ferry")));
        anonymous().when().get("/api/kb/entries/ed-ferry").then().statusCode(404);
        as("editor1").when().get("/api/kb/entries/ed-ferry/versions")
                .then().statusCode(200).body("retired", equalTo(List.of(true, false)));
    }

    @Test
    void invalidEntriesAreRefusedWithTheFieldAtFault() {
        as("editor1").contentType(ContentType.JSON)
                .body(Map.of("id", "ed-x", "title", "", "category", "c", "department", "transport", "body", "b"))
                .when().post("/api/kb/entries")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        as("editor1").contentType(ContentType.JSON)
                .body(entry("Bad Id!", "标题", "正文", null))
                .when().post("/api/kb/entries")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        as("editor1").contentType(ContentType.JSON)
                .body(Map.of("id", "ed-y", "title", "t", "category", "c", "department", "ministry-of-magic", "body", "b"))
                .when().post("/api/kb/entries")
                .then().statusCode(400).body("errors[0].field", equalTo("department"))
                .body("detail", containsString("ministry-of-magic"));
        as("editor1").contentType(ContentType.JSON).body("{\"id\": \"ed-z\", \"reviewBy\": \"next week\"}")
                .when().post("/api/kb/entries")
                .then().statusCode(400).body("errors[0].field", equalTo("reviewBy"));
        as("editor1").contentType(ContentType.JSON).body("{not json")
                .when().post("/api/kb/entries")
                .then().statusCode(400).contentType("application/problem+json");
        as("editor1").contentType(ContentType.JSON)
                .body(entry("fx-gas-leak", "重复", "正文", null))
                .when().post("/api/kb/entries").then().statusCode(409);
    }

    @Test
    void onlyEditorsEdit() {
        anonymous().contentType(ContentType.JSON).body(entry("ed-anon", "t", "b", null))
                .when().post("/api/kb/entries")
                .then().statusCode(401).header("WWW-Authenticate", containsString("Basic"));
        for (String user : List.of("agent1", "coord1", "dept-transport")) {
            as(user).contentType(ContentType.JSON).body(entry("ed-" + user, "t", "b", null))
                    .when().post("/api/kb/entries")
                    .then().statusCode(403).contentType("application/problem+json");
            as(user).when().get("/api/kb/stale").then().statusCode(403);
        }
        anonymous().when().get("/api/kb/entries/ed-anon").then().statusCode(404);
    }

    @Test
    void editorsSeeStaleEntriesAndTheSyncReport() {
        as("editor1").when().get("/api/kb/stale")
                .then().statusCode(200).body("id", hasItem("fx-id-card-reissue"))
                .body("id", not(hasItem("fx-gas-leak")));
        as("editor1").when().get("/api/kb/sync-report")
                .then().statusCode(200)
                .body("skipped.path", hasItems("x-broken/fx-no-front-matter.md", "x-broken/fx-unknown-department.md",
                        "x-broken/fx-duplicate.md", "x-broken/fx-bad-yaml.md"))
                .body("skipped.find { it.path == 'x-broken/fx-duplicate.md' }.reason",
                        containsString("good/fx-gas-leak.md"))
                .body("skipped.find { it.path == 'x-broken/fx-unknown-department.md' }.reason",
                        containsString("ministry-of-magic"));
        anonymous().when().get("/api/kb/entries/fx-gas-leak")
                .then().statusCode(200).body("title", equalTo("燃气泄漏应急处置"));
    }

    @Test
    void questionsNobodyCouldAnswerReachTheGapReport() {
        anonymous().queryParam("q", "zzqx火星移民签证").when().get("/api/kb/search")
                .then().statusCode(200).body("total", equalTo(0));
        as("agent1").contentType(ContentType.JSON)
                .body(Map.of("query", "公积金能不能给父母看病用", "entryId", "fx-housing-fund-rent", "helpful", false))
                .when().post("/api/kb/feedback").then().statusCode(204);
        as("editor1").when().get("/api/kb/gaps")
                .then().statusCode(200)
                .body("query", hasItems("zzqx火星移民签证", "公积金能不能给父母看病用"))
                .body("find { it.query == '公积金能不能给父母看病用' }.unhelpfulCount", equalTo(1));
        anonymous().when().get("/api/kb/gaps").then().statusCode(401);
    }
}
