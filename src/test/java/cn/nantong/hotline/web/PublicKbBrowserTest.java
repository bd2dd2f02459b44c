package cn.nantong.hotline.web;

import cn.nantong.hotline.support.Chromium;
import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public pages in Debian's real Chromium: suggestions, highlighted results, entries and the stale warning,
 * under the pages' own Content-Security-Policy. When switched on, a missing browser fails rather than skips.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class PublicKbBrowserTest extends BrowserTestBase {

    PublicKbBrowserTest() {
        super(1280, 1000);
    }

    @Test
    void citizenSearchesReadsAnEntryAndIsWarnedAboutAStaleOne() throws IOException {
        open("/");
        WebElement box = browser.findElement(By.id("q"));
        assertEquals(box, browser.switchTo().activeElement(), "the search box has the focus on arrival");

        box.sendKeys("驾驶证");
        WebElement suggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#q-suggestions [role=option] a")));
        assertEquals("机动车驾驶证有效期满换证", suggestion.getText());
        screenshot("home.png");

        box.sendKeys("到期换证");
        browser.findElement(By.cssSelector(".search-big button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hit")));
        assertTrue(browser.getCurrentUrl().contains("/search?q="));
        WebElement first = browser.findElement(By.cssSelector(".hit h2 a"));
        assertEquals("机动车驾驶证有效期满换证", first.getText());
        assertFalse(browser.findElements(By.cssSelector(".hit .snippet em")).isEmpty(), "matched words highlighted");
        screenshot("results.png");

        first.click();
        assertEquals("机动车驾驶证有效期满换证",
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".entry h1"))).getText());
        assertTrue(browser.findElement(By.cssSelector(".entry .body")).getText().contains("所需材料"));
        assertTrue(browser.findElements(By.cssSelector(".stale")).isEmpty());
        screenshot("entry.png");

        open("/entries/fx-id-card-reissue");
        assertEquals("⚠ 信息可能已过期，办理前请致电 12345 核实",
                browser.findElement(By.cssSelector(".entry .stale")).getText());
        screenshot("entry-stale.png");

        open("/entries/no-such-entry");
        assertEquals("没有找到您要的内容", browser.findElement(By.cssSelector(".failure h1")).getText());
        screenshot("not-found.png");

        assertNoPolicyViolations();
    }

    @Test
    void keyboardPicksASuggestionAndPagesFitAPhone() throws IOException {
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/");
        WebElement box = browser.findElement(By.id("q"));
        box.sendKeys("身份证");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#q-suggestions [role=option]")));
        box.sendKeys(Keys.ARROW_DOWN);
        assertEquals("q-suggestions-0", box.getAttribute("aria-activedescendant"));
        screenshot("home-mobile.png");
        box.sendKeys(Keys.ENTER);
        assertEquals("居民身份证遗失补领",
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".entry h1"))).getText());
        assertFitsWidth();

        open("/search?q=" + "身份证丢了怎么办");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".hit .stale")));
        assertFitsWidth();
        screenshot("results-mobile.png");

        open("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        assertTrue(browser.findElement(By.cssSelector("main")).getText().contains("<script>alert(1)</script>"),
                "the caller's text is shown as text");
        screenshot("escaped-mobile.png");
        assertNoPolicyViolations();
    }

    private void assertFitsWidth() {
        Object overflow = ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "no sideways scrolling on a phone, overflow " + overflow);
    }
}
