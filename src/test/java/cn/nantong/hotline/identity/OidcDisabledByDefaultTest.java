package cn.nantong.hotline.identity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** quarkus-oidc is on the classpath but off unless configured: built-in accounts work as before, tokens do not. */
@QuarkusTest
class OidcDisabledByDefaultTest {

    @Test
    void theDefaultTenantIsOffAndBuiltInLoginWorks() {
        assertFalse(ConfigProvider.getConfig().getValue("quarkus.oidc.tenant-enabled", Boolean.class));
        as("dept-water").when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("DEPARTMENT")).body("department", equalTo("water"));
        var login = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "coord1").formParam("j_password", cn.nantong.hotline.support.Api.PASSWORD)
                .when().post("/j_security_check");
        assertEquals(302, login.statusCode());
        assertNotNull(login.getCookie("quarkus-credential"));
        RestAssured.given().cookie("quarkus-credential", login.getCookie("quarkus-credential"))
                .when().get("/api/me").then().statusCode(200).body("username", equalTo("coord1"))
                .body("displayName", org.hamcrest.Matchers.not(equalTo("coord1")));
    }

    @Test
    void theLoginPageOffersNoProviderSignInAndItsPathLeadsBackToTheLoginPage() {
        RestAssured.given().when().get("/login").then().statusCode(200)
                .body(containsString("action=\"/j_security_check\""))
                .body(not(containsString("/login/oidc")))
                .body(not(containsString("统一身份认证")));
        RestAssured.given().redirects().follow(false).when().get("/login/oidc").then().statusCode(302)
                .header("Location", endsWith("/login"));
    }

    @Test
    void aBearerTokenIsNotAcceptedWhileOidcIsOff() {
        // Header and payload of an unsigned token naming the admin role: nothing may trust it.
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJlYWxtX2FjY2VzcyI6eyJyb2xlcyI6WyJob3RsaW5lLWFkbWluIl19fQ.";
        RestAssured.given().header("Authorization", "Bearer " + forged).when().get("/api/me").then().statusCode(401);
        RestAssured.given().header("Authorization", "Bearer " + forged).when().get("/api/audit").then().statusCode(401);
    }
}
