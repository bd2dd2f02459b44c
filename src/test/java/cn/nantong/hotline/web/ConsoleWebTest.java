package cn.nantong.hotline.web;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import cn.nantong.hotline.support.Tickets;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Form login, sessions, logout, CSRF and the role checks of the console paths, as a browser meets them. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class ConsoleWebTest {

    @Test
    void loginPageIsChineseAndPostsToFormAuthentication() {
        RestAssured.given().when().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", PublicPageHeaders.CONTENT_SECURITY_POLICY)
                .body(containsString("工作台登录"))
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("name=\"j_username\""))
                .body(containsString("name=\"j_password\""));
    }

    @Test
    void formLoginSetsAStrictHttpOnlySessionCookieAndLandsOnTheRolesConsole() {
        Response login = ConsoleSession.formLogin("agent1", "demo12345");
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/console"), login.header("Location"));
        String setCookie = login.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSession.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(setCookie.toLowerCase().contains("httponly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        assertFalse(setCookie.contains("Secure"), "plain HTTP in tests: hotline.web.secure-cookies=false");

        String session = login.getCookie(ConsoleSession.SESSION_COOKIE);
        RestAssured.given().redirects().follow(false).cookie(ConsoleSession.SESSION_COOKIE, session)
                .when().get("/console").then().statusCode(303).header("Location", endsWith("/console/agent"));
        RestAssured.given().cookie(ConsoleSession.SESSION_COOKIE, session).when().get("/console/agent").then()
                .statusCode(200)
                .header("Content-Security-Policy", PublicPageHeaders.CONTENT_SECURITY_POLICY)
                .header("Cache-Control", "no-store")
                .body(containsString("接线员一号"))
                .body(containsString("<span class=\"user-role\">接线员</span>"))
                .body(containsString("action=\"/logout\""))
                .body(containsString("/assets/agent-console.js"));
        // The same session works for the JSON API the console's script calls.
        RestAssured.given().cookie(ConsoleSession.SESSION_COOKIE, session).when().get("/api/me").then()
                .statusCode(200).body("username", equalTo("agent1"));
    }

    @Test
    void withoutASessionTheConsolesSendToTheLoginPage() {
        RestAssured.given().redirects().follow(false).when().get("/console/agent").then()
                .statusCode(302).header("Location", endsWith("/login"));
        RestAssured.given().redirects().follow(false).cookie(ConsoleSession.SESSION_COOKIE, "forged-value")
                .when().get("/console").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aWrongPasswordReturnsToTheLoginPageWithAReadableMessage() {
        Response login = ConsoleSession.formLogin("coord1", "not-the-password");
        assertEquals(302, login.statusCode());
        assertTrue(login.header("Location").endsWith("/login?error=credentials"), login.header("Location"));
        assertEquals(null, login.getCookie(ConsoleSession.SESSION_COOKIE));
        RestAssured.given().when().get("/login?error=credentials").then().statusCode(200)
                .body(containsString("用户名或密码不正确"));
    }

    @Test
    void everyConsolePathChecksTheRoleAndRefusesWithAChinesePage() {
        ConsoleSession agent = ConsoleSession.login("agent1", "/console/agent");
        for (String path : new String[] {"/console/admin", "/console/department", "/console/coordinator",
                "/console/editor"}) {
            agent.cookieOnly().when().get(path).then().statusCode(403)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", PublicPageHeaders.CONTENT_SECURITY_POLICY)
                    .body(containsString("无权访问此页面"))
                    .body(containsString("您的账号（接线员）无权使用此页面"))
                    .body(not(containsString("problem")));
        }
        ConsoleSession department = ConsoleSession.login("dept-water", "/console/department");
        department.cookieOnly().when().get("/console/agent").then().statusCode(403).body(containsString("无权访问"));
        department.cookieOnly().when().get("/console/department").then().statusCode(200)
                .body(containsString("<ul class=\"tabs\">"))
                .body(containsString("承办单位经办人"));

        ConsoleSession coordinator = ConsoleSession.login("coord1", "/console/coordinator");
        coordinator.cookieOnly().when().get("/console").then().statusCode(303)
                .header("Location", endsWith("/console/coordinator"));

        ConsoleSession admin = ConsoleSession.login("admin", "/console/admin");
        for (String path : new String[] {"/console/admin", "/console/agent", "/console/department",
                "/console/coordinator", "/console/editor"}) {
            admin.cookieOnly().when().get(path).then().statusCode(200).body(containsString("系统管理员"));
        }
    }

    @Test
    void logoutNeedsTheCsrfTokenAndThenEndsTheSession() {
        ConsoleSession agent = ConsoleSession.login("agent1", "/console/agent");
        agent.cookieOnly().contentType(ContentType.URLENC).formParam("x", "1").when().post("/logout").then()
                .statusCode(403).contentType(containsString("text/html")).body(containsString("请刷新页面后重试"));
        agent.cookieOnly().cookie(ConsoleSession.CSRF_COOKIE, agent.csrfCookie()).contentType(ContentType.URLENC)
                .formParam("csrf-token", "not-the-token").when().post("/logout").then().statusCode(403);

        Response out = agent.cookieOnly().cookie(ConsoleSession.CSRF_COOKIE, agent.csrfCookie())
                .contentType(ContentType.URLENC).formParam("csrf-token", agent.csrfToken()).when().post("/logout");
        assertEquals(303, out.statusCode());
        assertTrue(out.header("Location").endsWith("/login?logout=1"));
        String cleared = out.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(ConsoleSession.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        RestAssured.given().when().get("/login?logout=1").then().body(containsString("您已安全退出"));
    }

    @Test
    void scriptCallsWithTheSessionNeedTheTokenHeaderWhileBasicClientsDoNot() {
        ConsoleSession agent = ConsoleSession.login("agent1", "/console/agent");
        Map<String, Object> draft = Tickets.report("COMPLAINT", "13962910001", "崇川区", "工农路 18 号", "路灯不亮");
        agent.cookieOnly().contentType(ContentType.JSON).body(draft).when().post("/api/tickets/repeat-candidates")
                .then().statusCode(403).contentType(startsWith("application/problem+json"))
                .body("type", endsWith("csrf-token-invalid"));
        agent.cookieOnly().cookie(ConsoleSession.CSRF_COOKIE, agent.csrfCookie()).header("X-CSRF-TOKEN", "wrong")
                .contentType(ContentType.JSON).body(draft).when().post("/api/tickets/repeat-candidates")
                .then().statusCode(403);
        agent.withToken().contentType(ContentType.JSON).body(draft).when().post("/api/tickets/repeat-candidates")
                .then().statusCode(200);
        as("agent1").contentType(ContentType.JSON).body(draft).when().post("/api/tickets/repeat-candidates")
                .then().statusCode(200);
    }

    @Test
    void callersWordsOnTheConsoleAreEscaped() {
        Tickets.intake(Tickets.report("COMPLAINT", "13962910002", "崇川区", "南大街 1 号",
                "<script>alert(1)</script>噪音扰民"));
        ConsoleSession.login("agent1", "/console/agent").cookieOnly().when().get("/console/agent").then()
                .statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;噪音扰民"))
                .body(not(containsString("<script>alert(1)")));
    }
}
