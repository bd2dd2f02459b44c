package cn.nantong.hotline.web;

import cn.nantong.hotline.support.MockProvider;
import cn.nantong.hotline.support.Tickets;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.http.Cookie;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.nantong.hotline.support.Api.as;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Console sign-in at an external OpenID Connect provider, through the whole authorization-code flow: the login
 * page's button, the provider (WireMock, with its own login page and token endpoint), the way back, the console of
 * the mapped role, CSRF, logout at the provider. Runs with OIDC on and Secure cookies; the rest of the suite keeps
 * both off.
 */
@QuarkusTest
@TestProfile(MockProvider.On.class)
@WithTestResource(OidcWiremockTestResource.class)
class ProviderSignInTest {

    private static final String PROVIDER_SESSION = "q_session";
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    @OidcWireMock
    WireMockServer server;

    private MockProvider provider() {
        return new MockProvider(server);
    }

    @Test
    void theLoginPageOffersTheProviderBesideTheBuiltInLogin() {
        RestAssured.given().when().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", PublicPageHeaders.CONTENT_SECURITY_POLICY)
                .body(containsString("action=\"/j_security_check\""))
                .body(containsString("href=\"/login/oidc\""))
                .body(containsString("使用统一身份认证登录"));
        // A console opened without a session still goes to our login page, not straight to the provider.
        RestAssured.given().redirects().follow(false).when().get("/console/department").then()
                .statusCode(302).header("Location", endsWith("/login"));
        // The built-in accounts sign in as before.
        ConsoleSession.login("coord1", "/console/coordinator").cookieOnly().when().get("/console").then()
                .statusCode(303).header("Location", endsWith("/console/coordinator"));
    }

    @Test
    void aDepartmentUserSignsInAtTheProviderAndSeesOnlyTheirDepartmentsInbox() {
        JsonPath own = Tickets.intake(Tickets.report("COMPLAINT", "13962918001", "如皋市", "海阳路 5 号",
                "开具发票时税务系统一直报错，窗口让改天再来"));
        JsonPath other = Tickets.intake(Tickets.report("COMPLAINT", "13962918002", "如皋市", "海阳路 7 号",
                "小区门口养老驿站收费标准不公开"));
        dispatch(own.getLong("id"), "taxation");
        dispatch(other.getLong("id"), "civil-affairs");

        Browser browser = new Browser();
        Response back = browser.signInAtProvider("wang.fang", Set.of("hotline-department", "offline_access"),
                Map.of("name", "王芳", "department", "taxation"));
        String sessionCookie = back.headers().getValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(PROVIDER_SESSION)).findFirst().orElseThrow();
        assertTrue(sessionCookie.contains("Secure"), "hotline.web.secure-cookies is on in this profile: " + sessionCookie);
        assertTrue(sessionCookie.toLowerCase().contains("httponly"), sessionCookie);
        assertTrue(sessionCookie.contains("SameSite=Lax"), "the way back from the provider is a cross-site navigation");

        // The way back lands where a form login lands, which picks the console of the role.
        Response landed = browser.open(back.header("Location"));
        assertEquals(303, landed.statusCode());
        assertTrue(landed.header("Location").endsWith("/console"), landed.header("Location"));
        browser.request().when().get("/console").then().statusCode(303)
                .header("Location", endsWith("/console/department"));

        Response page = browser.open("/console/department");
        assertEquals(200, page.statusCode());
        String inbox = page.asString();
        assertTrue(inbox.contains("王芳") && inbox.contains("承办单位经办人") && inbox.contains("市税务局"), inbox);
        assertTrue(inbox.contains(own.getString("number")), "own ticket under 待签收");
        assertFalse(inbox.contains(other.getString("number")), "another department's ticket");
        assertFalse(inbox.contains("养老驿站收费标准不公开"), "another department's ticket");
        assertEquals(PublicPageHeaders.CONTENT_SECURITY_POLICY + " " + provider().origin(),
                page.header("Content-Security-Policy"), "logout may redirect the console's form to the provider");
        browser.request().when().get("/console/department?ticket=" + other.getLong("id")).then().statusCode(404);
        browser.request().when().get("/console/agent").then().statusCode(403).body(containsString("无权访问此页面"));

        browser.request().when().get("/api/me").then().statusCode(200)
                .body("username", org.hamcrest.Matchers.equalTo("wang.fang"))
                .body("role", org.hamcrest.Matchers.equalTo("DEPARTMENT"))
                .body("department", org.hamcrest.Matchers.equalTo("taxation"))
                .body("displayName", org.hamcrest.Matchers.equalTo("王芳"));

        // The provider's session is a session like the form login's: a change needs the page's CSRF token.
        String accept = "/api/tickets/" + own.getLong("id") + "/accept";
        browser.request().when().post(accept).then().statusCode(403);
        Matcher token = META_TOKEN.matcher(inbox);
        assertTrue(token.find(), "the console page carries the CSRF token");
        browser.request().header("X-CSRF-TOKEN", token.group(1)).when().post(accept).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.equalTo("ACCEPTED"));
        List<String> actors = as("coord1").when().get("/api/tickets/" + own.getLong("id")).then().statusCode(200)
                .extract().jsonPath().getList("timeline.actor");
        assertTrue(actors.contains("wang.fang"), "the timeline names the provider's user: " + actors);
    }

    @Test
    void bearerTokensOfTheProviderStillWorkForApiClients() {
        String token = MockProvider.token("li.ming", Set.of("hotline-department"), Map.of("department", "taxation"));
        RestAssured.given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                .body("role", org.hamcrest.Matchers.equalTo("DEPARTMENT"))
                .body("department", org.hamcrest.Matchers.equalTo("taxation"));
        // The consoles take a session cookie, never a bearer token.
        RestAssured.given().redirects().follow(false).auth().oauth2(token).when().get("/console/department").then()
                .statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void aProviderUserWithoutOneOfOurRolesIsSentBackToTheLoginPageWithTheReason() {
        for (Map.Entry<Set<String>, Map<String, Object>> refused : Map.<Set<String>, Map<String, Object>>of(
                Set.of("offline_access"), Map.of("name", "赵六"),
                Set.of("hotline-department"), Map.of("department", "no-such-department")).entrySet()) {
            Browser browser = new Browser();
            Response back = browser.signInAtProvider("zhao.liu", refused.getKey(), refused.getValue());
            assertEquals(302, back.statusCode());
            assertTrue(back.header("Location").endsWith("/login?error=provider-role"), back.header("Location"));
            assertFalse(browser.cookies.containsKey(PROVIDER_SESSION), "no session for a refused user");
            browser.request().when().get("/console").then().statusCode(302).header("Location", endsWith("/login"));
        }
        RestAssured.given().when().get("/login?error=provider-role").then().statusCode(200)
                .body(containsString("没有本系统的工作台角色"))
                .body(not(containsString("Exception")));
    }

    @Test
    void aCancelledOrStaleSignInReturnsToTheLoginPage() {
        Browser browser = new Browser();
        Map<String, String> authorize = query(browser.startSignIn());
        Response back = browser.open(authorize.get("redirect_uri") + "?state=" + authorize.get("state")
                + "&error=access_denied&error_description=cancelled");
        assertEquals(302, back.statusCode());
        String location = back.header("Location");
        assertTrue(location.contains("/login?") && location.contains("error=access_denied"), location);
        RestAssured.given().when().get(location).then().statusCode(200).body(containsString("统一身份认证登录未完成"));

        // A code the provider will not exchange (used twice, or expired on the way back).
        server.stubFor(post(urlEqualTo(MockProvider.REALM + "/token")).withRequestBody(containing("code=spent-code"))
                .atPriority(1).willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}")));
        Browser again = new Browser();
        Map<String, String> second = query(again.startSignIn());
        again.open(second.get("redirect_uri") + "?state=" + second.get("state") + "&code=spent-code").then()
                .statusCode(302).header("Location", endsWith("/login?error=provider"));
        RestAssured.given().when().get("/login?error=provider").then().body(containsString("统一身份认证登录未完成"));
    }

    @Test
    void logoutEndsTheLocalSessionAndTheProvidersWithTheCsrfToken() {
        Browser browser = new Browser();
        Response back = browser.signInAtProvider("sun.qi", Set.of("hotline-coordinator"), Map.of("name", "孙七"));
        browser.open(back.header("Location"));
        Response page = browser.open("/console/coordinator");
        assertEquals(200, page.statusCode());
        Matcher token = META_TOKEN.matcher(page.asString());
        assertTrue(token.find());

        browser.request().contentType(ContentType.URLENC).formParam("x", "1").when().post("/logout").then()
                .statusCode(403);
        Response out = browser.keep(browser.request().contentType(ContentType.URLENC)
                .formParam("csrf-token", token.group(1)).when().post("/logout"));
        assertEquals(303, out.statusCode());
        String endSession = out.header("Location");
        assertTrue(endSession.startsWith(server.baseUrl() + provider().endSessionPath() + "?"), endSession);
        Map<String, String> logout = query(endSession);
        assertEquals(MockProvider.CLIENT_ID, logout.get("client_id"));
        assertNotNull(logout.get("id_token_hint"));
        assertEquals(RestAssured.baseURI + ":" + RestAssured.port + "/login?logout=1",
                logout.get("post_logout_redirect_uri"));
        String cleared = out.headers().getValues("Set-Cookie").stream().filter(c -> c.startsWith(PROVIDER_SESSION))
                .findFirst().orElseThrow();
        assertTrue(cleared.contains("Max-Age=0"), cleared);
        browser.request().when().get("/console/coordinator").then().statusCode(302).header("Location", endsWith("/login"));
    }

    /**
     * A browser's cookie jar over REST Assured. Cookies are kept by name whatever their Secure flag, as a browser
     * on an HTTPS site would.
     */
    private final class Browser {

        final Map<String, String> cookies = new LinkedHashMap<>();

        RequestSpecification request() {
            return RestAssured.given().redirects().follow(false).cookies(cookies);
        }

        Response open(String url) {
            return keep(request().when().get(url));
        }

        /** Takes the cookies a response sets or clears, as the browser would. */
        Response keep(Response r) {
            for (Cookie c : r.getDetailedCookies()) {
                if (c.getMaxAge() == 0 || c.getValue() == null || c.getValue().isEmpty()) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c.getValue());
                }
            }
            return r;
        }

        /** Presses the login page's button: Quarkus answers with the provider's authorization endpoint. */
        String startSignIn() {
            Response start = open("/login/oidc");
            assertEquals(302, start.statusCode());
            String authorize = start.header("Location");
            assertTrue(authorize.startsWith(server.baseUrl() + MockProvider.REALM + "?"), authorize);
            return authorize;
        }

        /**
         * Starts the sign-in, signs in as {@code user} on the provider's login page, and follows the provider back to
         * us: answers our response to that return.
         */
        Response signInAtProvider(String user, Set<String> roles, Map<String, Object> claims) {
            String authorize = startSignIn();
            Map<String, String> query = query(authorize);
            assertEquals(MockProvider.CLIENT_ID, query.get("client_id"));
            assertEquals(RestAssured.baseURI + ":" + RestAssured.port + ProviderSignIn.PATH, query.get("redirect_uri"));
            open(authorize).then().statusCode(200).body(containsString(query.get("state")));

            provider().knows(user, roles, claims);
            Response signedIn = keep(request().queryParam("username", user).queryParam("password", "x")
                    .queryParam("state", query.get("state")).queryParam("redirect_uri", query.get("redirect_uri"))
                    .when().get(server.baseUrl() + "/login"));
            assertEquals(302, signedIn.statusCode());
            return open(signedIn.header("Location"));
        }
    }

    private static void dispatch(long id, String department) {
        as("agent1").contentType(ContentType.JSON).body("{\"lead\":\"" + department + "\"}")
                .when().post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
    }

    private static Map<String, String> query(String url) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
