package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static cn.nantong.hotline.support.Api.anonymous;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class PublicKbPagesTest {

    private static final String STALE_WARNING = "⚠ 信息可能已过期，办理前请致电 12345 核实";

    @Test
    void homeOffersSearchCategoriesAndOnlineServices() {
        page("/", 200)
                .body(containsString("autofocus"))
                .body(containsString("action=\"/search\""))
                .body(containsString("/categories/%E8%BD%A6%E9%A9%BE%E7%AE%A1")) // 车驾管
                .body(containsString("https://www.jszwfw.gov.cn"))
                .body(containsString("苏服办"))
                .body(containsString("找不到答案？拨打 12345"))
                .body(containsString("/assets/kb.js"));
    }

    @Test
    void searchShowsHighlightedHitsWithDepartmentAndTotal() {
        page("/search?q=驾驶证到期换证", 200)
                .body(containsString("href=\"/entries/fx-driving-licence-renewal\""))
                .body(containsString("机动车驾驶证有效期满换证"))
                .body(containsString("市公安局交通警察支队"))
                .body(containsString("<em>"))
                .body(containsString("找到 <strong>"));
    }

    @Test
    void staleHitsCarryTheWarning() {
        page("/search?q=身份证丢了补办", 200)
                .body(containsString("fx-id-card-reissue"))
                .body(containsString(STALE_WARNING));
        page("/search?q=驾驶证到期换证&category=车驾管", 200)
                .body(containsString("只在分类“车驾管”中查找"))
                .body(not(containsString(STALE_WARNING)));
    }

    @Test
    void callerTextIsShownEscapedNeverRun() {
        page("/search?q=<script>alert(1)</script>身份证", 200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;身份证"))
                .body(not(containsString("<script>alert")));
        page("/search?q=<img src=x onerror=alert(1)>&category=<b>x</b>", 200)
                .body(not(containsString("<img src=x")))
                .body(not(containsString("<b>x</b>")));
        page("/entries/<svg onload=alert(1)>", 404)
                .body(not(containsString("<svg")));
    }

    @Test
    void emptyOrOverlongQueryGetsAReadableChinesePage() {
        isPage(anonymous().queryParam("q", "   ").when().get("/search").then(), 400)
                .body(containsString("不能为空")).body(not(containsString("Exception")));
        page("/search", 400).body(containsString("请输入要查询的内容"));
        page("/search?q=" + "长".repeat(2001), 400).body(containsString("查询内容过长"));
    }

    @Test
    void queryWithoutHitsSuggestsWhatToDoNext() {
        page("/search?q=火星移民签证", 200)
                .body(containsString("没有找到与“<span class=\"query\">火星移民签证</span>”相关的内容"))
                .body(containsString("拨打 <a href=\"tel:12345\">12345</a>"));
    }

    @Test
    void entryPageShowsTheWholeEntry() {
        page("/entries/fx-driving-licence-renewal", 200)
                .body(containsString("<h1>机动车驾驶证有效期满换证</h1>"))
                .body(containsString("市公安局交通警察支队"))
                .body(containsString("<h2>所需材料</h2>"))
                .body(containsString("2025年1月1日"))
                .body(containsString("2099年12月31日"))
                .body(containsString(">换证</a>"))
                .body(containsString("网上办理"))
                .body(not(containsString(STALE_WARNING)));
        page("/entries/fx-id-card-reissue", 200).body(containsString(STALE_WARNING));
    }

    @Test
    void unknownEntryOrCategoryGetsAFriendly404Page() {
        page("/entries/no-such-entry", 404)
                .body(allOf(containsString("没有找到您要的内容"), containsString("no-such-entry")));
        page("/categories/不存在的分类", 404).body(containsString("没有名为“不存在的分类”的分类"));
    }

    @Test
    void categoryPageListsItsEntries() {
        page("/categories/户籍与身份证", 200)
                .body(containsString("href=\"/entries/fx-id-card-reissue\""))
                .body(containsString("居民身份证遗失补领"))
                .body(containsString("name=\"category\" value=\"户籍与身份证\""));
    }

    @Test
    void assetsAreServedLocally() {
        anonymous().when().get("/assets/kb.css").then().statusCode(200).contentType(startsWith("text/css"));
        anonymous().when().get("/assets/kb.js").then().statusCode(200).body(containsString("/api/kb/suggest"));
    }

    @Test
    void theJsonApiKeepsItsOwnHeaders() {
        anonymous().queryParam("q", "身份证").when().get("/api/kb/search")
                .then().statusCode(200).header("Content-Security-Policy", (String) null);
    }

    /** Every page, error pages included, is UTF-8 HTML under the strict policy. */
    private static ValidatableResponse page(String path, int status) {
        return isPage(anonymous().when().get(path).then(), status);
    }

    private static ValidatableResponse isPage(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .contentType(allOf(startsWith("text/html"), containsString("charset=UTF-8")))
                .header("Content-Security-Policy", equalTo(PublicPageHeaders.CONTENT_SECURITY_POLICY))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
