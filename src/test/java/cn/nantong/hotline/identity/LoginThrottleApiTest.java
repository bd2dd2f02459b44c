package cn.nantong.hotline.identity;

import cn.nantong.hotline.support.EmbeddedPostgresResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login throttling over HTTP Basic and the consoles' form login, with accounts of its own. */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
class LoginThrottleApiTest {

    private static final String PASSWORD = "right-password-1";

    @Test
    void fiveFailuresLockBasicAndFormLoginAndNoPasswordIsLogged() {
        account("throttle-a");
        List<String> logged = capture();
        for (int i = 0; i < 5; i++) {
            basic("throttle-a", "Wrong-Guess-" + i).then().statusCode(401);
        }
        basic("throttle-a", PASSWORD).then().statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]{0,2}")) // up to 900 seconds
                .body("type", containsString("login-throttled"))
                .body("detail", containsString("登录失败次数过多"));
        Response form = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "throttle-a").formParam("j_password", PASSWORD).post("/j_security_check");
        assertEquals(302, form.statusCode());
        assertTrue(form.header("Location").endsWith("/login?error=locked&minutes=15"), form.header("Location"));
        RestAssured.given().get(form.header("Location")).then().statusCode(200)
                .body(containsString("登录失败次数过多，已暂停登录，请 15 分钟后再试"));

        assertTrue(logged.stream().anyMatch(m -> m.contains("Login failed for user 'throttle-a'")), logged.toString());
        assertTrue(logged.stream().noneMatch(m -> m.contains("Wrong-Guess") || m.contains(PASSWORD)),
                "passwords never reach the log: " + logged);
    }

    @Test
    void aSuccessResetsTheCount() {
        account("throttle-b");
        for (int i = 0; i < 4; i++) {
            basic("throttle-b", "wrong").then().statusCode(401);
        }
        basic("throttle-b", PASSWORD).then().statusCode(200);
        for (int i = 0; i < 4; i++) {
            basic("throttle-b", "wrong").then().statusCode(401);
        }
        basic("throttle-b", PASSWORD).then().statusCode(200).body("username", equalTo("throttle-b"));
    }

    private static Response basic(String user, String password) {
        return RestAssured.given().auth().preemptive().basic(user, password).when().get("/api/me");
    }

    private static void account(String username) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Account.byUsername(username).isEmpty()) {
                Account.create(username, PASSWORD, Role.AGENT, null, "测试接线员", Instant.now()).persist();
            }
        });
    }

    private static List<String> capture() {
        List<String> messages = new CopyOnWriteArrayList<>();
        Logger.getLogger(CachedPasswordIdentityProvider.class.getName()).addHandler(new ExtHandler() {
            @Override
            protected void doPublish(ExtLogRecord record) {
                messages.add(record.getFormattedMessage());
            }
        });
        return messages;
    }
}
