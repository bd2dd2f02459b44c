package cn.nantong.hotline.web;

import cn.nantong.hotline.support.MockProvider;
import cn.nantong.hotline.support.Tickets;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import static cn.nantong.hotline.support.Api.as;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A department clerk in Debian's Chromium signs in with the login page's provider button, at the (WireMock)
 * provider's own login page, lands in the department console, and logs out at the provider, whose redirect the
 * console's CSP must let the logout form follow. Same switch as {@link PublicKbBrowserTest}.
 */
@QuarkusTest
@TestProfile(MockProvider.On.class)
@WithTestResource(OidcWiremockTestResource.class)
@EnabledIfSystemProperty(named = "browser-tests", matches = "true")
class ProviderSignInBrowserTest extends BrowserTestBase {

    @OidcWireMock
    WireMockServer server;

    ProviderSignInBrowserTest() {
        super(1280, 900);
    }

    @Test
    void aClerkSignsInAtTheProviderWorksInTheirInboxAndLogsOutThere() throws IOException {
        JsonPath own = Tickets.intake(Tickets.report("COMPLAINT", "13962919001", "通州区", "金沙镇人民路 3 号",
                "个体户申领发票一直审核不通过，也没人说明原因"));
        as("agent1").contentType(ContentType.JSON).body("{\"lead\":\"taxation\"}")
                .when().post("/api/tickets/" + own.getLong("id") + "/dispatch").then().statusCode(200);
        MockProvider provider = new MockProvider(server);
        provider.knows("zhou.ba", Set.of("hotline-department"), Map.of("name", "周八", "department", "taxation"));
        provider.endsSessions();

        open("/console/department");
        wait.until(ExpectedConditions.urlContains("/login"));
        screenshot("provider-login-page.png");
        browser.findElement(By.linkText("使用统一身份认证登录")).click();
        wait.until(ExpectedConditions.urlContains(server.baseUrl()));
        browser.findElement(By.id("username")).sendKeys("zhou.ba");
        browser.findElement(By.id("password")).sendKeys("not-checked-by-the-mock");
        browser.findElement(By.id("login")).click();

        wait.until(ExpectedConditions.urlContains("/console/department"));
        assertEquals("周八", browser.findElement(By.cssSelector(".user-name")).getText());
        assertEquals("承办单位经办人", browser.findElement(By.cssSelector(".user-role")).getText());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), own.getString("number")));
        screenshot("provider-department-console.png");
        assertNoPolicyViolations();

        browser.findElement(By.cssSelector(".logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login?logout=1"));
        assertTrue(browser.getPageSource().contains("您已安全退出"), "back from the provider's end-session endpoint");
        assertNoPolicyViolations();
        assertFalse(server.findAll(getRequestedFor(urlPathEqualTo(provider.endSessionPath()))).isEmpty(),
                "the provider was asked to end its session");

        open("/console/department");
        wait.until(ExpectedConditions.urlContains("/login"));
    }
}
