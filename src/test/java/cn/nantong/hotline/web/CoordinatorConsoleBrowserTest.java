package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * coord1 at the board in Debian's Chromium: three reports of one problem open a REPEATED case, which coord1
 * finds in the queue, assigns with a deadline and follows with a notice the lead department then receives.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class CoordinatorConsoleBrowserTest extends BrowserTestBase {

    CoordinatorConsoleBrowserTest() {
        super(1400, 1100);
    }

    @Test
    void coordinatorAssignsARepeatedComplaintsCaseAndIssuesANotice() throws IOException {
        String place = "如东县掘港街道青园路21号";
        long first = intake(report("COMPLAINT", "13600180001", "如东县", place,
                "青园路21号的路灯坏了一个多月，晚上一片漆黑，孩子放学很危险。")).getLong("id");
        intake(report("COMPLAINT", "13600180002", "如东县", "青园路21号", "青园路21号路灯一直不亮，晚上看不见路。"));
        intake(report("COMPLAINT", "13600180003", "如东县", "如东县青园路", "青园路21号的路灯还是坏的，一到晚上漆黑一片。"));
        JsonPath cases = as("coord1").when().get("/api/supervision/cases?ticket=" + first).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, cases.getInt("total"));
        long caseId = cases.getLong("items[0].id");
        // Something in the period for the department figures' charts to draw.
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "urban-management"))
                .when().post("/api/tickets/" + first + "/dispatch").then().statusCode(200);
        as("dept-urban-management").when().post("/api/tickets/" + first + "/accept").then().statusCode(200);

        open("/console/coordinator");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys("coord1");
        browser.findElement(By.id("j_password")).sendKeys("demo12345", Keys.ENTER);
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#case-queue tr[data-case-id='" + caseId + "']")));
        assertTrue(row.findElement(By.cssSelector(".trigger")).getText().contains("重复投诉"), row.getText());
        assertEquals("未交办", row.findElement(By.cssSelector(".lead")).getText());
        wait.until(d -> !d.findElements(By.cssSelector("#rates-chart canvas")).isEmpty());
        screenshot("coordinator-board.png");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('figures').scrollIntoView()");
        screenshot("coordinator-charts.png");

        row.findElement(By.cssSelector("button.open-case")).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("case-detail")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-title"), "#" + caseId));
        assertEquals(3, detail.findElements(By.cssSelector("#case-tickets li")).size(), "the three reports");
        WebElement assign = detail.findElement(By.cssSelector("form[data-action='assign']"));
        assertTrue(detail.findElement(By.cssSelector("form[data-action='notice']")).getAttribute("hidden") != null,
                "no notice before the case is assigned");

        assign.findElement(By.cssSelector("button[type=submit]")).click();
        assertEquals("请选择主办单位。", assign.findElement(By.cssSelector("[data-error-for='lead']")).getText(),
                "the missing lead is named beside its field");
        new Select(assign.findElement(By.name("lead"))).selectByValue("urban-management");
        assign.findElement(By.cssSelector("details.co-choice summary")).click();
        assertFalse(assign.findElement(By.cssSelector("input[name=co][value='urban-management']")).isEnabled(),
                "the lead cannot also be ticked as a co-department");
        assign.findElement(By.cssSelector("input[name=co][value='housing-construction']")).click();
        LocalDate deadline = LocalDate.now().plusDays(10);
        // A date input takes the date in the browser's locale order; setting the value avoids guessing it.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                assign.findElement(By.name("deadline")), deadline.toString());
        assign.findElement(By.name("note")).sendKeys("请十日内修复并回复");
        assign.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#case-queue tr[data-case-id='"
                + caseId + "'] .lead"), "市城市管理局"));
        assertTrue(row.findElement(By.cssSelector(".deadline")).getText().equals(deadline.toString()),
                row.getText());

        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[data-action='notice']")));
        notice.findElement(By.name("text")).sendKeys("青园路21号路灯已被反复投诉，请于期限内修复并书面回复。");
        notice.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("case-facts"), "青园路21号路灯已被反复投诉"));
        assertTrue(browser.findElement(By.id("case-timeline")).getText().contains("发出督办通知"));
        assertTrue(browser.findElement(By.id("case-facts")).getText().contains("市住房和城乡建设局"),
                "the co-department named on the case: " + browser.findElement(By.id("case-facts")).getText());
        screenshot("coordinator-case.png");

        as("dept-urban-management").when().get("/api/supervision/notices").then().statusCode(200)
                .body("find { it.id == " + caseId + " }.notice.text",
                        org.hamcrest.Matchers.equalTo("青园路21号路灯已被反复投诉，请于期限内修复并书面回复。"));
        as("dept-housing-construction").when().get("/api/supervision/notices").then().statusCode(200)
                .body("find { it.id == " + caseId + " }.co", org.hamcrest.Matchers.hasItem("housing-construction"));
        assertNoPolicyViolations();
    }

    /** Script errors too: the board is built by script, ECharts included, so a failure shows only in this log. */
    @Override
    void assertNoPolicyViolations() {
        List<String> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to") || m.contains("Uncaught"))
                .toList();
        assertTrue(problems.isEmpty(), "CSP violations or script errors: " + problems);
    }
}
