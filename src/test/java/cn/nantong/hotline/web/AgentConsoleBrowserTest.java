package cn.nantong.hotline.web;

import cn.nantong.hotline.support.Chromium;
import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * agent1 on a call in Debian's Chromium: logs in, searches the 热线百科, records a complaint, dispatches it to
 * the suggested department; a complaint with markup is shown as text. Same switch as
 * {@link PublicKbBrowserTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class AgentConsoleBrowserTest extends BrowserTestBase {

    AgentConsoleBrowserTest() {
        super(1400, 1100);
    }

    @Test
    void agentSearchesRecordsAComplaintAndDispatchesItToTheSuggestedDepartment() throws IOException {
        open("/console/agent");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys("agent1");
        browser.findElement(By.id("j_password")).sendKeys("demo12345", Keys.ENTER);
        WebElement search = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-q")));
        assertTrue(browser.getCurrentUrl().endsWith("/console/agent"), "back to the page first asked for");
        assertEquals(search, browser.switchTo().activeElement(), "the search box has the focus on arrival");
        assertEquals("接线员一号", browser.findElement(By.cssSelector(".user-name")).getText());

        search.sendKeys("驾驶证到期换证");
        WebElement hit = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#kb-results .hit h3 a")));
        assertEquals("机动车驾驶证有效期满换证", hit.getText());
        assertFalse(browser.findElements(By.cssSelector("#kb-results .snippet em")).isEmpty(), "matches highlighted");
        screenshot("agent-search.png");

        browser.findElement(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "2"));
        WebElement phone = browser.switchTo().activeElement();
        assertEquals("phone", phone.getAttribute("id"), "Alt+2 jumps to the caller's number");
        phone.sendKeys("13962918888");
        new Select(browser.findElement(By.id("type"))).selectByValue("COMPLAINT");
        new Select(browser.findElement(By.id("district"))).selectByValue("崇川区");
        browser.findElement(By.id("address")).sendKeys("工农路 88 号");
        WebElement content = browser.findElement(By.id("content"));
        content.sendKeys("<script>alert(1)</script>小区自来水停水三天，水龙头没有水");
        content.sendKeys(Keys.ENTER);

        WebElement dispatch = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#result button.dispatch")));
        assertEquals("<script>alert(1)</script>小区自来水停水三天，水龙头没有水",
                browser.findElement(By.cssSelector("#result .content")).getText(), "the caller's words shown as text");
        screenshot("agent-recorded.png");
        String department = browser.findElement(By.cssSelector("#result .suggestion strong")).getText();
        dispatch.click();
        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dispatch-result.done")));
        assertTrue(done.getText().startsWith("已派单至" + department), done.getText());
        screenshot("agent-dispatched.png");

        open("/console/agent");
        assertTrue(browser.findElement(By.cssSelector(".recent")).getText()
                .contains("<script>alert(1)</script>小区自来水停水三天"), "escaped in the server-rendered list too");
        assertNoPolicyViolations();
    }

    private void assertNoPolicyViolations() {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertTrue(problems.isEmpty(), "CSP violations: " + problems);
    }
}
