package cn.nantong.hotline.web;

import cn.nantong.hotline.support.Chromium;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fresh Chromium per test against the running application, for the browser tests of the pages. */
abstract class BrowserTestBase {

    @TestHTTPResource("/")
    URL root;

    private final int width;
    private final int height;
    private Chromium chromium;
    WebDriver browser;
    WebDriverWait wait;

    BrowserTestBase(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = Chromium.start(width, height);
        browser = chromium.browser();
        wait = chromium.waiting();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    void open(String path) {
        browser.get(root.toString().replaceFirst("/$", "") + path);
    }

    void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }

    /** The pages must live within their own CSP; a violation means something inline slipped in. */
    void assertNoPolicyViolations() {
        List<String> violations = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertTrue(violations.isEmpty(), "CSP violations: " + violations);
    }
}
