package cn.nantong.hotline;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static cn.nantong.hotline.support.Api.anonymous;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class OperationsApiTest {

    @Test
    void healthMetricsAndOpenApiAreServed() {
        anonymous().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        anonymous().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'knowledge-base-index' }.status", equalTo("UP"));
        anonymous().queryParam("q", "身份证").when().get("/api/kb/search").then().statusCode(200);
        anonymous().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
        anonymous().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/kb/search"));
        anonymous().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void theDirectoryListsEveryDepartmentAndDistrictToLoggedInUsers() {
        as("agent1").when().get("/api/departments").then().statusCode(200)
                .body("size()", equalTo(18))
                .body("code", hasItems("public-security", "traffic-police", "housing-fund", "taxation"))
                .body("find { it.code == 'power-grid' }.name", equalTo("国网供电公司"));
        as("agent1").when().get("/api/districts").then().statusCode(200)
                .body("", equalTo(java.util.List.of("崇川区", "通州区", "海门区", "如皋市", "启东市", "海安市", "如东县")));
        anonymous().when().get("/api/departments").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void demoAccountsExistForEveryRoleAndDepartment() {
        as("admin").when().get("/api/me").then().statusCode(200).body("role", equalTo("ADMIN"));
        as("coord1").when().get("/api/me").then().statusCode(200).body("role", equalTo("COORDINATOR"));
        as("editor1").when().get("/api/me").then().statusCode(200).body("role", equalTo("KB_EDITOR"));
        as("dept-housing-fund").when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("DEPARTMENT")).body("department", equalTo("housing-fund"));
        anonymous().auth().preemptive().basic("agent1", "wrong-password").when().get("/api/me")
                .then().statusCode(401);
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJson() {
        anonymous().when().get("/api/kb/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        anonymous().when().delete("/api/kb/search").then().statusCode(405)
                .contentType("application/problem+json").body("status", equalTo(405));
    }
}
