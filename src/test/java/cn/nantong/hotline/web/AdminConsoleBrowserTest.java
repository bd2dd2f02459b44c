package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * admin in Debian's Chromium: creates a department account (after the form pointed at a missing department),
 * adds a holiday, and the new account signs in to its console. Same switch as {@link PublicKbBrowserTest}.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class AdminConsoleBrowserTest extends BrowserTestBase {

    AdminConsoleBrowserTest() {
        super(1400, 1100);
    }

    @Test
    void adminCreatesADepartmentAccountThatSignsInAndAddsAHoliday() throws IOException {
        signIn("/console/admin", "admin", "demo12345");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#account-rows tr[data-username='agent1']")));
        assertEquals("系统管理员", browser.findElement(By.cssSelector(".user-name")).getText());
        screenshot("admin-accounts.png");

        browser.findElement(By.id("acc-username")).sendKeys("gas-clerk2");
        browser.findElement(By.id("acc-display")).sendKeys("燃气集团经办人二号");
        new Select(browser.findElement(By.id("acc-role"))).selectByValue("DEPARTMENT");
        browser.findElement(By.id("acc-password")).sendKeys("Gas-2026x");
        browser.findElement(By.id("account-save")).click();
        WebElement departmentError = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#account-form [data-error-for='department']")));
        assertEquals("承办单位账号须选择所属部门。", departmentError.getText(), "shown beside the field");
        assertEquals("true", browser.findElement(By.id("acc-department")).getAttribute("aria-invalid"));

        new Select(browser.findElement(By.id("acc-department"))).selectByValue("gas");
        browser.findElement(By.id("account-save")).click();
        wait.until(ExpectedConditions.textToBe(By.id("account-form-notice"), "已创建账号 gas-clerk2"));
        By gasRow = By.cssSelector("#member-rows tr[data-department='gas']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(gasRow, "gas-clerk2"));
        WebElement gasMembers = browser.findElement(gasRow);
        assertTrue(gasMembers.getText().contains("燃气集团经办人二号（gas-clerk2）"), gasMembers.getText());
        screenshot("admin-account-created.png");

        WebElement date = browser.findElement(By.id("day-date"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", date, "2030-05-06");
        browser.findElement(By.id("day-name")).sendKeys("<b>临时放假</b>");
        browser.findElement(By.id("day-save")).click();
        WebElement added = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#day-rows tr[data-date='2030-05-06']")));
        assertTrue(added.getText().contains("放假"), added.getText());
        assertTrue(added.getText().contains("<b>临时放假</b>"), "the name is shown as text: " + added.getText());
        assertTrue(added.getText().contains("管理员设置（admin）"), added.getText());
        ((JavascriptExecutor) browser).executeScript("document.getElementById('sla').scrollIntoView()");
        screenshot("admin-holiday-added.png");
        assertNoPolicyViolations();

        browser.findElement(By.cssSelector(".logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));
        signIn("/console", "gas-clerk2", "Gas-2026x");
        wait.until(ExpectedConditions.urlContains("/console/department"));
        assertEquals("燃气集团经办人二号", browser.findElement(By.cssSelector(".user-name")).getText());
    }

    private void signIn(String path, String username, String password) {
        open(path);
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("j_username")).sendKeys(username);
        browser.findElement(By.id("j_password")).sendKeys(password, Keys.ENTER);
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }
}
