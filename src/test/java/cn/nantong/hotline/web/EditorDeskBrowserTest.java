package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.anonymous;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * editor1 in Debian's Chromium writes an entry with a live preview and publishes it; signed out, the public
 * search finds it; edited again, a conflicting edit is reported and the history shows the diff. Same switch
 * as {@link PublicKbBrowserTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class EditorDeskBrowserTest extends BrowserTestBase {

    private static final String ID = "ed-lantern-parking";
    private static final String TITLE = "元宵灯会濠河周边临时停车须知";
    private static final String GAP = "元宵灯会停车";

    EditorDeskBrowserTest() {
        super(1400, 1100);
    }

    @Test
    void editorPublishesAnEntryThePublicFindsThenEditsItAndComparesVersions() throws IOException {
        anonymous().queryParam("q", GAP).when().get("/api/kb/search").then().statusCode(200).body("total", equalTo(0));
        signIn("/console/editor");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("stale-title")));
        assertTrue(browser.findElement(By.id("stale")).getText().contains("居民身份证遗失补领"), "the fixture's overdue entry");
        assertTrue(browser.findElement(By.id("gaps")).getText().contains(GAP), "the citizen's fruitless search");
        screenshot("editor-desk.png");

        browser.findElement(By.xpath("//section[@id='gaps']//tr[td[1]='" + GAP + "']//a")).click();
        WebElement publish = wait.until(ExpectedConditions.elementToBeClickable(By.id("publish")));
        assertEquals(GAP, browser.findElement(By.id("f-title")).getAttribute("value"), "the gap's question as title");
        browser.findElement(By.id("f-title")).clear();
        publish.click();
        WebElement titleError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-error-for=title]")));
        assertEquals("标题不能为空", titleError.getText(), "the API's message beside the field");
        assertEquals("true", browser.findElement(By.id("f-title")).getAttribute("aria-invalid"));

        browser.findElement(By.id("f-id")).sendKeys(ID);
        browser.findElement(By.id("f-title")).sendKeys(TITLE);
        browser.findElement(By.id("f-category")).sendKeys("交通出行");
        new Select(browser.findElement(By.id("f-department"))).selectByValue("urban-management");
        browser.findElement(By.id("f-keywords")).sendKeys("灯会停车、元宵节");
        browser.findElement(By.id("f-body")).sendKeys("## 停车安排\n灯会期间濠河周边道路禁停，请停入南大街临时停车场。\n"
                + "<script>alert(1)</script>\n## 网上办理\n可在苏服办App预约停车位。");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#preview-body h2#online-guide"), "网上办理"));
        assertTrue(browser.findElements(By.cssSelector(".field-error:not(:empty)")).isEmpty(), "corrected fields");
        assertEquals(TITLE, browser.findElement(By.id("preview-heading")).getText());
        assertEquals("市城市管理局", browser.findElement(By.id("preview-department")).getText());
        assertTrue(browser.findElement(By.id("preview-body")).getText().contains("<script>alert(1)</script>"),
                "markup in the body is previewed as text");
        assertTrue(browser.findElements(By.cssSelector("#preview-body script")).isEmpty());
        assertEquals(2, browser.findElements(By.cssSelector("#preview-keywords li")).size());
        screenshot("editor-preview.png");

        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.urlContains("published=true"));
        assertTrue(browser.findElement(By.cssSelector(".form-notice")).getText().contains("已发布"));

        browser.manage().deleteAllCookies();
        open("/search?q=" + URLEncoder.encode(GAP, StandardCharsets.UTF_8));
        WebElement hit = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("a[href='/entries/" + ID + "']")));
        assertEquals(TITLE, hit.getText());
        screenshot("editor-public-search.png");

        signIn("/console/editor/edit?id=" + ID);
        WebElement body = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("f-body")));
        body.clear();
        body.sendKeys("## 停车安排\n灯会期间濠河周边道路禁停，请停入文峰公园临时停车场。\n## 网上办理\n可在苏服办App预约停车位。");
        browser.findElement(By.id("f-note")).sendKeys("更换停车场");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("form-notice"), "已发布第 2 版，公众检索已可查到。"));

        // Someone else publishes version 3 while this page still holds version 2.
        Map<String, Object> other = Map.of("id", ID, "title", TITLE, "category", "交通出行",
                "department", "urban-management", "body", "## 网上办理\n另一位编辑的修改。", "version", 2);
        as("editor1").contentType(ContentType.JSON).body(other).when().put("/api/kb/entries/" + ID)
                .then().statusCode(200);
        browser.findElement(By.id("publish")).click();
        WebElement conflict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("conflict")));
        assertTrue(conflict.getText().contains("当前第 3 版，您编辑的是第 2 版"), conflict.getText());
        screenshot("editor-conflict.png");

        browser.findElement(By.linkText("历史版本与对比")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("diff-title")));
        assertEquals("第 2 版 → 第 3 版", browser.findElement(By.id("diff-title")).getText());
        browser.findElement(By.cssSelector("input[name=from][value='1']")).click();
        browser.findElement(By.cssSelector("input[name=to][value='2']")).click();
        browser.findElement(By.cssSelector(".compare button")).click();
        wait.until(ExpectedConditions.textToBe(By.id("diff-title"), "第 1 版 → 第 2 版"));
        List<String> deleted = browser.findElements(By.cssSelector(".diff-body del")).stream().map(WebElement::getText).toList();
        List<String> inserted = browser.findElements(By.cssSelector(".diff-body ins")).stream().map(WebElement::getText).toList();
        assertTrue(deleted.contains("南大街") && inserted.contains("文峰公园"), deleted + " / " + inserted);
        assertTrue(deleted.contains("<script>alert(1)</script>"), "removed markup shown as text: " + deleted);
        assertTrue(browser.getPageSource().contains("更换停车场"));
        screenshot("editor-history.png");
        assertNoPolicyViolations();
    }

    private void signIn(String path) {
        open(path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys("editor1");
        browser.findElement(By.id("j_password")).sendKeys("demo12345", Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
