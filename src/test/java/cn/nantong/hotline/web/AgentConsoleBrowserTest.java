package cn.nantong.hotline.web;

import cn.nantong.hotline.support.Chromium;
import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import cn.nantong.hotline.support.Tickets;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * agent1 on calls in Debian's Chromium: searches the 热线百科 and answers an inquiry from it, records complaints
 * (linking a repeat) and dispatches them to the suggested department, and records callbacks; a complaint with
 * markup is shown as text. Each call is driven from the keyboard where the console promises it. Same switch as
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
        WebElement search = signIn();
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
        complaintAt("崇川区", "工农路 88 号");
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

    @Test
    void agentAnswersAnInquiryFromTheKnowledgeBaseAndClosesItAsAnswered() throws IOException {
        WebElement search = signIn();
        search.sendKeys("驾驶证到期换证");
        WebElement use = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#kb-results .hit button.use")));
        assertEquals("机动车驾驶证有效期满换证", browser.findElement(By.cssSelector("#kb-results .hit h3 a")).getText());
        assertFalse(browser.findElements(By.cssSelector("#kb-results .hit .fresh, #kb-results .hit .stale")).isEmpty(),
                "freshness shown with the answer");
        // From the search box: Tab to the entry's link, Tab to its button, Enter picks it.
        search.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertEquals(use, browser.switchTo().activeElement(), "the entry's button is reachable by Tab");
        use.sendKeys(Keys.ENTER);
        WebElement answered = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answered-list")));
        assertTrue(answered.getText().contains("机动车驾驶证有效期满换证"), answered.getText());
        assertEquals("INQUIRY", new Select(browser.findElement(By.id("type"))).getFirstSelectedOption().getAttribute("value"));
        screenshot("agent-inquiry-entry.png");

        alt("2");
        browser.switchTo().activeElement().sendKeys("13962910001");
        alt("3");
        browser.switchTo().activeElement().sendKeys("驾驶证下个月到期，问怎么换证", Keys.ENTER);

        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .answered-with")));
        assertEquals("已在通话中答复", browser.findElement(By.cssSelector("#result .ticket-status")).getText());
        assertTrue(result.getText().contains("fx-driving-licence-renewal"), result.getText());
        screenshot("agent-inquiry-answered.png");
        JsonPath ticket = ticketNumbered(recordedNumber());
        assertEquals("ANSWERED", ticket.getString("status"));
        assertEquals(List.of("fx-driving-licence-renewal"), ticket.getList("answeredWith"));
        assertNoPolicyViolations();
    }

    @Test
    void agentLinksARepeatComplaintAndDispatchesItToTheSuggestedDepartment() throws IOException {
        JsonPath earlier = Tickets.intake(Tickets.report("COMPLAINT", "13962910002", "崇川区", "钟秀中路 233 号",
                "钟秀中路233号小区门口垃圾桶满溢，一直没人清运，气味很大"));
        long earlierId = earlier.getLong("id");
        String earlierNumber = earlier.getString("number");

        signIn();
        alt("2");
        browser.switchTo().activeElement().sendKeys("13962910003");
        complaintAt("崇川区", "钟秀中路 233 号");
        alt("3");
        browser.switchTo().activeElement().sendKeys("钟秀中路233号门口垃圾桶满了好几天没人清运，很臭");

        By candidate = By.cssSelector("#candidates li.candidate[data-ticket-id='" + earlierId + "']");
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(candidate));
        assertTrue(item.getText().contains(earlierNumber), item.getText());
        String reasons = item.findElement(By.cssSelector(".reasons")).getText();
        assertFalse(reasons.isBlank(), "why it may be the same problem");
        assertFalse(item.findElements(By.cssSelector("button.dismiss-repeat")).isEmpty(), "dismissable in one click");
        WebElement typedSuggestion = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#suggestions .suggestion strong")));
        String suggestedWhileTyping = typedSuggestion.getText();
        screenshot("agent-repeat-candidate.png");

        press(candidate, "button.dismiss-repeat");
        WebElement dismissed = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dismissed")));
        assertTrue(dismissed.getText().contains(earlierNumber), dismissed.getText());
        assertTrue(browser.findElements(candidate).isEmpty(), "a dismissed candidate leaves the list");
        browser.findElement(By.id("dismissed-undo")).sendKeys(Keys.ENTER);
        press(candidate, "button.link-repeat");
        WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("repeat-link")));
        assertTrue(link.getText().contains(earlierNumber), "the chosen link shown before submit: " + link.getText());
        assertEquals("submit", browser.switchTo().activeElement().getAttribute("id"), "next: record the call");
        screenshot("agent-repeat-linked.png");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        WebElement repeat = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result .repeat")));
        assertTrue(repeat.getText().contains(earlierNumber) && repeat.getText().contains("接线员确认"), repeat.getText());
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#result button.dispatch")));
        alt("5");
        WebElement dispatch = browser.switchTo().activeElement();
        assertTrue(dispatch.getAttribute("class").contains("dispatch"), "Alt+5 reaches the first suggestion");
        String code = dispatch.getAttribute("data-code");
        dispatch.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dispatch-result.done")));
        screenshot("agent-repeat-dispatched.png");

        JsonPath ticket = ticketNumbered(recordedNumber());
        assertEquals(earlierId, ticket.getLong("repeat.of"));
        assertEquals("DISPATCHED", ticket.getString("status"));
        assertEquals(code, ticket.getString("assignments[0].department"));
        assertEquals("LEAD", ticket.getString("assignments[0].role"));
        assertEquals(code, ticket.getString("suggestedDepartments[0].code"), "the suggested department was chosen");
        assertEquals(suggestedWhileTyping, ticket.getString("assignments[0].departmentName"),
                "the department shown while typing is the one dispatched");
        assertNoPolicyViolations();
    }

    @Test
    void agentRecordsTheCallersVerdictOnAReplyAndTheTicketCloses() throws IOException {
        long id = Tickets.intake(Tickets.report("COMPLAINT", "13962910004", "崇川区", "桃园路 17 号",
                "桃园路17号路口下水道井盖缺失，夜间很危险")).getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "urban-management")).when()
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
        as("dept-urban-management").when().post("/api/tickets/" + id + "/accept").then().statusCode(200);
        as("dept-urban-management").contentType(ContentType.JSON)
                .body(Map.of("text", "已于当日补装井盖并设置警示标志，经复查已无安全隐患。", "outcome", "RESOLVED"))
                .when().post("/api/tickets/" + id + "/reply").then().statusCode(200);

        signIn();
        alt("0");
        wait.until(ExpectedConditions.urlContains("/console/agent/callbacks"));
        By card = By.cssSelector("li.callback[data-ticket-id='" + id + "']");
        if (browser.findElements(card).isEmpty()) {
            // Replies of other tests come first (oldest first): this one is on the last page.
            String pager = browser.findElement(By.cssSelector(".pager span")).getText();
            int pages = Integer.parseInt(pager.replaceAll(".*/ (\\d+) 页", "$1"));
            open("/console/agent/callbacks?page=" + (pages - 1));
        }
        WebElement item = wait.until(ExpectedConditions.visibilityOfElementLocated(card));
        assertTrue(item.getText().contains("139****0004"), "the number masked: " + item.getText());
        assertFalse(item.getText().contains("13962910004"));
        assertTrue(item.findElement(By.cssSelector(".reply-text")).getText().startsWith("已于当日补装井盖"));

        WebElement record = item.findElement(By.cssSelector("button.record"));
        record.sendKeys(Keys.ENTER);
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.callback[data-ticket-id='" + id + "'] [data-error-for='satisfaction']")));
        assertEquals("请选择来电人的满意度。", error.getText(), "the error beside its field");
        assertEquals("请选择问题是否已解决。",
                item.findElement(By.cssSelector("[data-error-for='resolved']")).getText());
        screenshot("agent-callback-errors.png");

        // Radio groups from the keyboard: focus lands on the first choice, Space picks it, Tab to the next group.
        WebElement satisfied = item.findElement(By.cssSelector("input[name=satisfaction][value=SATISFIED]"));
        assertEquals(satisfied, browser.switchTo().activeElement(), "the focus goes to the first field in error");
        satisfied.sendKeys(Keys.SPACE);
        satisfied.sendKeys(Keys.TAB);
        WebElement resolved = browser.switchTo().activeElement();
        assertEquals("resolved", resolved.getAttribute("name"));
        resolved.sendKeys(Keys.SPACE);
        item.findElement(By.cssSelector("textarea[name=note]")).sendKeys("来电人表示井盖已装好，满意", Keys.ENTER);

        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.callback[data-ticket-id='" + id + "'] .verdict-result")));
        wait.until(ExpectedConditions.textToBePresentInElement(done, "已办结"));
        screenshot("agent-callback-closed.png");
        as("agent1").when().get("/api/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("assignments[0].replyText", startsWith("已于当日补装井盖"));
        assertNoPolicyViolations();
    }

    @Test
    void agentDispatchesAJointMatterToALeadAndACoHandler() throws IOException {
        signIn();
        alt("2");
        browser.switchTo().activeElement().sendKeys("13962910777");
        complaintAt("崇川区", "濠河路 9 号");
        browser.findElement(By.id("content")).sendKeys("小区外河道漂浮大量垃圾，旁边排污口还在往河里排黑水");
        browser.findElement(By.id("submit")).click();

        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result form.dispatch-form")));
        new Select(form.findElement(By.name("lead"))).selectByValue("urban-management");
        form.findElement(By.cssSelector("details.co-choice summary")).click();
        assertFalse(form.findElement(By.cssSelector("input[name=co][value='urban-management']")).isEnabled(),
                "the lead cannot also be ticked as a co-handler");
        form.findElement(By.cssSelector("input[name=co][value='ecology-environment']")).click();
        form.findElement(By.name("note")).sendKeys("河道保洁与排污口核查，请两家联合处理");
        screenshot("agent-joint-dispatch.png");
        form.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".dispatch-result.done")));
        assertTrue(done.getText().startsWith("已派单至市城市管理局，协办：市生态环境局"), done.getText());
        JsonPath ticket = ticketNumbered(recordedNumber());
        assertEquals("DISPATCHED", ticket.getString("status"));
        assertEquals(List.of("urban-management", "ecology-environment"), ticket.getList("assignments.department"));
        assertEquals(List.of("LEAD", "CO"), ticket.getList("assignments.role"));
        assertNoPolicyViolations();
    }

    private WebElement signIn() {
        open("/console/agent");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys("agent1");
        browser.findElement(By.id("j_password")).sendKeys("demo12345", Keys.ENTER);
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kb-q")));
    }

    /** Enter on a button of a repeat candidate; the list follows the typing, so it is found once it settled. */
    private void press(By candidate, String button) {
        wait.until(d -> {
            try {
                d.findElement(candidate).findElement(By.cssSelector(button)).sendKeys(Keys.ENTER);
                return true;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
    }

    /** Alt+digit to wherever the focus is, as the agent presses it. */
    private void alt(String digit) {
        new Actions(browser).keyDown(Keys.ALT).sendKeys(digit).keyUp(Keys.ALT).perform();
    }

    /** The number the result panel announces: "已受理 2026…". */
    private String recordedNumber() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#result h3"))).getText()
                .replace("已受理", "").strip();
    }

    private static JsonPath ticketNumbered(String number) {
        long id = as("agent1").queryParam("q", number).when().get("/api/tickets").then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        return as("agent1").when().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Marks the call on the intake form as a complaint about a place. */
    private void complaintAt(String district, String address) {
        new Select(browser.findElement(By.id("type"))).selectByValue("COMPLAINT");
        new Select(browser.findElement(By.id("district"))).selectByValue(district);
        browser.findElement(By.id("address")).sendKeys(address);
    }
}
