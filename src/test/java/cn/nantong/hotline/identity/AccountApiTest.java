package cn.nantong.hotline.identity;

import cn.nantong.hotline.common.SettingsVersions;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.anonymous;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The administrator's account API: validation, refusals, and changes that count on the very next request. */
@QuarkusTest
class AccountApiTest {

    private static final String ACCOUNTS = "/api/admin/accounts";
    private static final String SESSION_COOKIE = "quarkus-credential";

    @Inject
    AccountChanges changes;

    @Test
    void onlyAdministratorsManageAccounts() {
        for (String user : List.of("agent1", "coord1", "editor1", "dept-water")) {
            as(user).when().get(ACCOUNTS).then().statusCode(403).contentType("application/problem+json");
            as(user).contentType(ContentType.JSON).body(account("t-sneaky", "AGENT", null, "Sneaky2026"))
                    .when().post(ACCOUNTS).then().statusCode(403);
            as(user).when().post(ACCOUNTS + "/agent1/disable").then().statusCode(403);
        }
        anonymous().when().get(ACCOUNTS).then().statusCode(401);
        as("admin").when().get(ACCOUNTS + "?role=AGENT").then().statusCode(200).body("username", hasItem("agent1"))
                .body("username", not(hasItem("t-sneaky")));
    }

    @Test
    void aNewAccountIsCheckedFieldByField() {
        create(account("t-nodept", "DEPARTMENT", null, "Strong2026")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", equalTo(List.of("department")));
        create(account("t-agentdept", "AGENT", "water", "Strong2026")).statusCode(400)
                .body("errors.field", equalTo(List.of("department")));
        create(account("t-baddept", "DEPARTMENT", "no-such-department", "Strong2026")).statusCode(400)
                .body("errors.field", equalTo(List.of("department")))
                .body("errors[0].message", containsString("no-such-department"));
        create(account("t-weak", "AGENT", null, "abcdefgh")).statusCode(400)
                .body("errors.field", equalTo(List.of("password")));
        create(account("t-short", "AGENT", null, "ab1")).statusCode(400).body("errors.field", equalTo(List.of("password")));
        create(account("t-named", "AGENT", null, "t-named-2026")).statusCode(400)
                .body("errors[0].message", equalTo("密码不能包含用户名。"));
        create(account("x", "KING", null, "Strong2026")).statusCode(400)
                .body("errors.field", hasItems("username", "role"));
        create(account("agent1", "AGENT", null, "Strong2026")).statusCode(409)
                .body("errors.field", equalTo(List.of("username")));
        as("admin").when().get(ACCOUNTS + "?department=no-such-department").then().statusCode(400)
                .body("errors.field", equalTo(List.of("department")));
    }

    @Test
    void aNewDepartmentAccountSignsInBelongsToItsDepartmentAndIsAuditedWithoutItsPassword() {
        create(account("t-water-2", "DEPARTMENT", "water", "Water-2026")).statusCode(201)
                .header("Location", containsString("/api/admin/accounts/t-water-2"))
                .body("departmentName", equalTo("市水务局")).body("disabled", equalTo(false));
        basic("t-water-2", "Water-2026").when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("DEPARTMENT")).body("department", equalTo("water"));
        as("admin").when().get(ACCOUNTS + "?department=water").then().statusCode(200)
                .body("username", hasItems("dept-water", "t-water-2"))
                .body("department", everyItem(equalTo("water")));
        as("admin").when().get("/api/audit?action=account.create&size=500").then().statusCode(200)
                .body("items.find { it.target == 't-water-2' }.actor", equalTo("admin"))
                .body("items.find { it.target == 't-water-2' }.note", equalTo("角色 DEPARTMENT，部门 water"));
        as("admin").when().get("/api/audit?size=500").then()
                .body("items.findAll { it.note != null && it.note.contains('Water-2026') }", empty());
    }

    @Test
    void aDisabledAccountCanNeitherSignInNorKeepUsingItsSession() {
        create(account("t-leaver", "AGENT", null, "Leaver-2026")).statusCode(201);
        String session = formLogin("t-leaver", "Leaver-2026").getCookie(SESSION_COOKIE);
        assertNotNull(session, "the new account signs in");
        withSession(session).when().get("/api/me").then().statusCode(200).body("username", equalTo("t-leaver"));
        basic("t-leaver", "Leaver-2026").when().get("/api/me").then().statusCode(200);

        as("admin").when().post(ACCOUNTS + "/t-leaver/disable").then().statusCode(200).body("disabled", equalTo(true));
        withSession(session).when().get("/api/me").then().statusCode(401);
        basic("t-leaver", "Leaver-2026").when().get("/api/me").then().statusCode(401);
        Response login = formLogin("t-leaver", "Leaver-2026");
        assertTrue(login.header("Location").endsWith("/login?error=credentials"), login.header("Location"));

        as("admin").when().post(ACCOUNTS + "/t-leaver/enable").then().statusCode(200).body("disabled", equalTo(false));
        basic("t-leaver", "Leaver-2026").when().get("/api/me").then().statusCode(200);
        as("admin").when().get("/api/audit?actor=admin&size=500").then()
                .body("items.findAll { it.target == 't-leaver' }.action",
                        hasItems("account.create", "account.disable", "account.enable"));
    }

    @Test
    void aChangedRoleOrPasswordCountsOnTheNextRequest() {
        create(account("t-promoted", "AGENT", null, "Promote-2026")).statusCode(201);
        basic("t-promoted", "Promote-2026").when().get(ACCOUNTS).then().statusCode(403);
        as("admin").contentType(ContentType.JSON).body(Map.of("displayName", "新管理员", "role", "ADMIN"))
                .when().put(ACCOUNTS + "/t-promoted").then().statusCode(200).body("role", equalTo("ADMIN"));
        basic("t-promoted", "Promote-2026").when().get(ACCOUNTS).then().statusCode(200);

        as("admin").contentType(ContentType.JSON).body(Map.of("password", "short")).when()
                .post(ACCOUNTS + "/t-promoted/password").then().statusCode(400).body("errors.field", equalTo(List.of("password")));
        as("admin").contentType(ContentType.JSON).body(Map.of("password", "Another-2027")).when()
                .post(ACCOUNTS + "/t-promoted/password").then().statusCode(204);
        basic("t-promoted", "Promote-2026").when().get("/api/me").then().statusCode(401);
        basic("t-promoted", "Another-2027").when().get("/api/me").then().statusCode(200);

        as("admin").contentType(ContentType.JSON).body(Map.of("displayName", "x", "role", "DEPARTMENT"))
                .when().put(ACCOUNTS + "/t-promoted").then().statusCode(400).body("errors.field", equalTo(List.of("department")));
        as("admin").contentType(ContentType.JSON).body(Map.of("displayName", "x", "role", "AGENT"))
                .when().put(ACCOUNTS + "/nobody-here").then().statusCode(404);
    }

    @Test
    void anAdministratorCannotLockThemselvesOut() {
        as("admin").when().post(ACCOUNTS + "/admin/disable").then().statusCode(409);
        as("admin").contentType(ContentType.JSON).body(Map.of("displayName", "系统管理员", "role", "AGENT"))
                .when().put(ACCOUNTS + "/admin").then().statusCode(400).body("errors.field", equalTo(List.of("role")));
        as("admin").when().get("/api/me").then().statusCode(200).body("role", equalTo("ADMIN"));
    }

    @Test
    void aChangeMadeOnAnotherInstanceCountsAfterTheNextPoll() {
        create(account("t-elsewhere", "AGENT", null, "Elsewhere-2026")).statusCode(201);
        changes.pollForChanges();
        basic("t-elsewhere", "Elsewhere-2026").when().get("/api/me").then().statusCode(200);
        // Another instance disables the account: only the database and the change counter move here.
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("update account set disabled = true where username = 't-elsewhere'")
                    .executeUpdate();
            SettingsVersions.bump(SettingsVersions.ACCOUNTS);
        });
        basic("t-elsewhere", "Elsewhere-2026").when().get("/api/me").then().statusCode(200);
        changes.pollForChanges();
        basic("t-elsewhere", "Elsewhere-2026").when().get("/api/me").then().statusCode(401);
    }

    private static Map<String, Object> account(String username, String role, String department, String password) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "测试 " + username,
                "role", role, "password", password));
        body.put("department", department);
        return body;
    }

    private static io.restassured.response.ValidatableResponse create(Map<String, Object> body) {
        return as("admin").contentType(ContentType.JSON).body(body).when().post(ACCOUNTS).then();
    }

    private static io.restassured.specification.RequestSpecification basic(String username, String password) {
        return RestAssured.given().auth().preemptive().basic(username, password);
    }

    private static io.restassured.specification.RequestSpecification withSession(String session) {
        return RestAssured.given().redirects().follow(false).cookie(SESSION_COOKIE, session);
    }

    private static Response formLogin(String username, String password) {
        Response login = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", username).formParam("j_password", password).when().post("/j_security_check");
        assertEquals(302, login.statusCode());
        return login;
    }
}
