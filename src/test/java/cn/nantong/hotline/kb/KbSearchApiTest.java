package cn.nantong.hotline.kb;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static cn.nantong.hotline.support.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class KbSearchApiTest {

    @Test
    void findsAnEntryByItsOfficialWordsWithHighlightedSnippet() {
        anonymous().queryParam("q", "驾驶证到期换证")
                .when().get("/api/kb/search")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(1))
                .body("hits[0].id", equalTo("fx-driving-licence-renewal"))
                .body("hits[0].department", equalTo("traffic-police"))
                .body("hits[0].departmentName", equalTo("市公安局交通警察支队"))
                .body("hits[0].snippet", containsString("<em>"))
                .body("hits[0].stale", equalTo(false));
    }

    @Test
    void callersWordsReachTheOfficialEntryThroughSynonyms() {
        // 驾照 is only in the shipped synonym list (驾照 ↔ 机动车驾驶证), nowhere in the entry.
        anonymous().queryParam("q", "驾照过期了咋办").when().get("/api/kb/search")
                .then().statusCode(200).body("hits[0].id", equalTo("fx-driving-licence-renewal"));
        // The folder's own synonyms.txt is added to the shipped list.
        anonymous().queryParam("q", "家里揭不开锅了").when().get("/api/kb/search")
                .then().statusCode(200).body("hits[0].id", equalTo("fx-subsistence-allowance"));
    }

    @Test
    void aTypoStillFindsTheEntry() {
        anonymous().queryParam("q", "租房题取公积金").when().get("/api/kb/search")
                .then().statusCode(200).body("hits[0].id", equalTo("fx-housing-fund-rent"));
    }

    @Test
    void entryPastItsReviewDateIsMarkedStale() {
        anonymous().queryParam("q", "身份证丢了补办").when().get("/api/kb/search")
                .then().statusCode(200)
                .body("hits[0].id", equalTo("fx-id-card-reissue"))
                .body("hits[0].stale", equalTo(true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(身份证", "\"补办\" AND 身份证*", "NOT OR AND", "title:身份证 OR body:[a TO z]", "😀🙏 身份证",
            "\\\\ / ~ ^ { } [ ] ? ! :", "****", "？？？", "😀"})
    void anyTextIsASafeQuery(String q) {
        anonymous().queryParam("q", q).when().get("/api/kb/search")
                .then().statusCode(200).body("total", greaterThanOrEqualTo(0));
    }

    @Test
    void aRambling500CharacterQueryIsAnswered() {
        String story = "我想问一下就是我那个身份证前几天在菜场买菜的时候不小心丢了，".repeat(20).substring(0, 500);
        anonymous().queryParam("q", story).when().get("/api/kb/search")
                .then().statusCode(200).body("hits[0].id", equalTo("fx-id-card-reissue"));
    }

    @Test
    void emptyQueryIsRefusedWithTheReason() {
        anonymous().queryParam("q", "   ").when().get("/api/kb/search")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("不能为空"))
                .body("errors[0].field", equalTo("q"));
        anonymous().when().get("/api/kb/search")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
    }

    @Test
    void overlongQueryAndBadLimitAndUnknownDepartmentAreRefused() {
        anonymous().queryParam("q", "长".repeat(2001)).when().get("/api/kb/search")
                .then().statusCode(400).body("errors[0].field", equalTo("q"));
        anonymous().queryParam("q", "身份证").queryParam("limit", 0).when().get("/api/kb/search")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        anonymous().queryParam("q", "身份证").queryParam("limit", "ten").when().get("/api/kb/search")
                .then().statusCode(400).contentType("application/problem+json");
        anonymous().queryParam("q", "身份证").queryParam("department", "nope").when().get("/api/kb/search")
                .then().statusCode(400).body("errors[0].field", equalTo("department"));
    }

    @Test
    void filtersByCategoryAndDepartment() {
        anonymous().queryParam("q", "办理").queryParam("category", "公积金").when().get("/api/kb/search")
                .then().statusCode(200).body("hits.category", not(hasItem(not(equalTo("公积金")))));
        anonymous().queryParam("q", "身份证").queryParam("department", "gas").when().get("/api/kb/search")
                .then().statusCode(200).body("hits.department", not(hasItem(not(equalTo("gas")))));
    }

    @Test
    void suggestsTitlesAsTheCallerTypes() {
        anonymous().queryParam("prefix", "居民").when().get("/api/kb/suggest")
                .then().statusCode(200).body("[0].id", equalTo("fx-id-card-reissue"));
        anonymous().queryParam("prefix", "驾驶证").when().get("/api/kb/suggest")
                .then().statusCode(200).body("title", hasItem("机动车驾驶证有效期满换证"));
        anonymous().when().get("/api/kb/suggest").then().statusCode(400).body("errors[0].field", equalTo("prefix"));
    }

    @Test
    void browsesCategoriesAndReadsEntries() {
        anonymous().when().get("/api/kb/categories")
                .then().statusCode(200).body("name", hasItem("车驾管")).body("size()", greaterThan(3));
        anonymous().when().get("/api/kb/categories/车驾管/entries")
                .then().statusCode(200).body("id", hasItem("fx-driving-licence-renewal"));
        anonymous().when().get("/api/kb/entries/fx-driving-licence-renewal")
                .then().statusCode(200)
                .body("title", equalTo("机动车驾驶证有效期满换证"))
                .body("keywords", hasItem("换证"))
                .body("bodyHtml", containsString("<h2>"))
                .body("reviewBy", equalTo("2099-12-31"));
        anonymous().when().get("/api/kb/entries/no-such-entry")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
