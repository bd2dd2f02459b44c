package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import cn.nantong.hotline.support.Tickets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A 承办单位 at work in Debian's Chromium: a complaint the agent dispatched waits under 待签收 with its light, is
 * accepted and answered, and ends under 已回复; an empty reply is refused beside its fields; a supervision notice
 * is on top and answered. Set-up goes through the API as agent1 and coord1. Same switch as
 * {@link PublicKbBrowserTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class DepartmentConsoleBrowserTest extends BrowserTestBase {

    private static final String DEPARTMENT = "medical-security";
    private static final String NOTICE = "请医保局牵头核实定点药店拒刷医保卡问题，限期整改并答复来电人。";

    DepartmentConsoleBrowserTest() {
        super(1400, 1100);
    }

    @Test
    void departmentAcceptsAndRepliesToADispatchedComplaintAndAnswersANotice() throws IOException {
        JsonPath ticket = Tickets.intake(Tickets.report("COMPLAINT", "13962916001", "崇川区", "青年中路 66 号",
                "<b>定点药店</b>拒绝刷医保卡，只收现金"));
        long id = ticket.getLong("id");
        String number = ticket.getString("number");
        act("agent1", id, "dispatch", Map.of("lead", DEPARTMENT));
        long caseId = supervisedCase();

        open("/console/department");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys("dept-" + DEPARTMENT);
        browser.findElement(By.id("j_password")).sendKeys("demo12345", Keys.ENTER);
        WebElement notice = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".notice[data-case=\"" + caseId + "\"]")));
        assertTrue(notice.findElement(By.cssSelector(".notice-text")).getText().contains(NOTICE));
        assertTrue(notice.getText().contains("（本单位）"), "this department leads the case");

        assertEquals("待签收", currentTab());
        WebElement row = browser.findElement(By.xpath("//table[@class='inbox-list']//tr[td/a[text()='" + number + "']]"));
        assertEquals("绿", row.findElement(By.cssSelector(".light")).getText(), "just dispatched: green");
        assertTrue(row.findElement(By.cssSelector(".left")).getText().startsWith("剩"), "working time left shown");
        assertEquals("<b>定点药店</b>拒绝刷医保卡，只收现金", row.findElement(By.cssSelector(".preview")).getText(),
                "the caller's words as text");
        screenshot("department-pending.png");

        row.findElement(By.linkText(number)).click();
        WebElement detail = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ticket-detail")));
        assertEquals("139****6001", detail.findElement(By.cssSelector(".phone")).getText());
        detail.findElement(By.cssSelector("form[data-action='accept'] button")).click();
        doneNotice("已签收");
        assertEquals("办理中", currentTab());
        screenshot("department-accepted.png");

        WebElement reply = browser.findElement(By.cssSelector("form[data-action='reply']"));
        reply.findElement(By.cssSelector("button[type='submit']")).click();
        WebElement textError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("form[data-action='reply'] [data-error-for='text']")));
        assertEquals("答复内容不能为空", textError.getText());
        assertTrue(reply.findElement(By.cssSelector("[data-error-for='outcome']")).getText().startsWith("请选择办理结果"));
        assertEquals("true", reply.findElement(By.id("reply-text")).getAttribute("aria-invalid"));
        screenshot("department-reply-error.png");

        reply.findElement(By.id("reply-text")).sendKeys("经核查，该药店系统故障已修复，已恢复医保刷卡，并对药店约谈提醒。");
        new Select(reply.findElement(By.id("reply-outcome"))).selectByValue("RESOLVED");
        reply.findElement(By.cssSelector("button[type='submit']")).click();
        doneNotice("已答复");
        assertEquals("已回复", currentTab());
        assertTrue(browser.findElement(By.cssSelector(".inbox-list")).getText().contains(number), "listed under 已回复");
        assertTrue(browser.findElement(By.cssSelector(".replies")).getText().contains("已恢复医保刷卡"));
        screenshot("department-replied.png");

        WebElement respond = browser.findElement(By.cssSelector("form.respond[data-case=\"" + caseId + "\"]"));
        respond.findElement(By.name("text")).sendKeys("已约谈涉事药店，3 个工作日内完成整改。");
        respond.findElement(By.cssSelector("button[type='submit']")).click();
        doneNotice("督办反馈已提交");
        assertTrue(browser.findElement(By.cssSelector(".notice[data-case=\"" + caseId + "\"]")).getText()
                .contains("本单位最近一次反馈：已约谈涉事药店"));
        screenshot("department-notice.png");
        assertNoPolicyViolations();
    }

    /** Two departments return a ticket (推诿), coord1 makes this department lead and issues the notice. */
    private long supervisedCase() {
        long bounced = Tickets.intake(Tickets.report("COMPLAINT", "13962916002", "崇川区", "青年中路 70 号",
                "药店不给刷医保卡，打了几个部门都说不归他们管")).getLong("id");
        act("agent1", bounced, "dispatch", Map.of("lead", "market-regulation"));
        act("dept-market-regulation", bounced, "return", Map.of("reason", "医保结算不属于市场监管"));
        act("agent1", bounced, "dispatch", Map.of("lead", "health"));
        act("dept-health", bounced, "return", Map.of("reason", "定点药店医保结算由医保局管理"));
        long caseId = as("coord1").when().get("/api/supervision/cases?ticket=" + bounced).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        as("coord1").contentType(ContentType.JSON).body(Map.of("lead", DEPARTMENT, "co", List.of(),
                        "deadline", LocalDate.now().plusDays(5).toString()))
                .when().post("/api/supervision/cases/" + caseId + "/assign").then().statusCode(200);
        as("coord1").contentType(ContentType.JSON).body(Map.of("text", NOTICE))
                .when().post("/api/supervision/cases/" + caseId + "/notice").then().statusCode(200);
        return caseId;
    }

    private String currentTab() {
        return browser.findElement(By.cssSelector(".tabs a[aria-current='page']")).getText().replaceAll("\\d+$", "").strip();
    }

    private static void act(String user, long id, String action, Object body) {
        as(user).contentType(ContentType.JSON).body(body).when().post("/api/tickets/" + id + "/" + action)
                .then().statusCode(200);
    }

    /**
     * Each action reloads the page with its notice. The old page's notice can be read while the browser is already
     * replacing it, which chromedriver reports as a generic error rather than a stale element: wait through it.
     */
    private void doneNotice(String text) {
        wait.ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".done-notice"), text));
    }
}
