package cn.nantong.hotline.web;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A browser's view of the consoles in REST Assured: the session cookie from form login, then the CSRF token. */
public record ConsoleSession(String session, String csrfCookie, String csrfToken) {

    public static final String SESSION_COOKIE = "quarkus-credential";
    public static final String CSRF_COOKIE = "csrf-token";
    private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

    /** Form login, then the console page that hands out the CSRF token. */
    public static ConsoleSession login(String username, String consolePath) {
        Response login = formLogin(username, "demo12345");
        assertEquals(302, login.statusCode(), "form login answers with a redirect");
        String session = login.getCookie(SESSION_COOKIE);
        assertNotNull(session, "form login sets the session cookie");
        Response page = RestAssured.given().redirects().follow(false).cookie(SESSION_COOKIE, session)
                .when().get(consolePath);
        Matcher token = META_TOKEN.matcher(page.asString());
        assertTrue(token.find(), "the console page carries the CSRF token");
        return new ConsoleSession(session, page.getCookie(CSRF_COOKIE), token.group(1));
    }

    public static Response formLogin(String username, String password) {
        return RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    /** Requests with the session cookie only, as another site's forged request would send them. */
    public RequestSpecification cookieOnly() {
        return RestAssured.given().redirects().follow(false).cookie(SESSION_COOKIE, session);
    }

    /** Requests as the console's own page sends them: session, CSRF cookie and the token. */
    public RequestSpecification withToken() {
        return cookieOnly().cookie(CSRF_COOKIE, csrfCookie).header("X-CSRF-TOKEN", csrfToken);
    }
}
