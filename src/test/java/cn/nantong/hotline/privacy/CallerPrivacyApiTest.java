package cn.nantong.hotline.privacy;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The caller's number masked in every answer and hidden from departments when confidential; reveal only by POST. */
@QuarkusTest
class CallerPrivacyApiTest {

    static Map<String, Object> complaint(String phone, boolean confidential) {
        Map<String, Object> m = new HashMap<>(Map.of("callerPhone", phone, "callerName", "李女士", "type", "COMPLAINT",
                "district", "海门区", "address", "海门区永和路17号", "content", "小区垃圾站三天没人清运，气味很大。"));
        m.put("confidential", confidential);
        return m;
    }

    static String intake(Map<String, Object> body) {
        return as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets")
                .then().statusCode(201).extract().asString();
    }

    static long dispatchedTo(String department, Map<String, Object> body) {
        long id = io.restassured.path.json.JsonPath.from(intake(body)).getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", department)).when()
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
        return id;
    }

    static ValidatableResponse reveal(String user, long id) {
        return as(user).when().post("/api/tickets/" + id + "/reveal-phone").then();
    }

    @Test
    void everyRoleSeesTheMaskInDetailListsAndHistory() {
        long id = dispatchedTo("urban-management", complaint("13600710001", false));
        for (String user : List.of("agent1", "coord1", "admin", "dept-urban-management")) {
            String detail = as(user).when().get("/api/tickets/" + id).then().statusCode(200)
                    .body("callerPhone", equalTo("136****0001"))
                    .body("callerPhoneRevealable", equalTo(true))
                    .body("callerName", equalTo("李女士")).extract().asString();
            assertFalse(detail.contains("13600710001"), user);
            String list = as(user).when().get("/api/tickets?district=海门区&size=200").then().statusCode(200)
                    .body("items.id", hasItem((int) id)).extract().asString();
            assertFalse(list.contains("13600710001"), user);
        }
        for (String user : List.of("agent1", "coord1", "admin")) {
            String history = as(user).contentType(ContentType.JSON).body(Map.of("phone", "136 0071 0001"))
                    .when().post("/api/callers/tickets").then().statusCode(200)
                    .body("id", equalTo(List.of((int) id))).extract().asString();
            assertFalse(history.contains("13600710001"));
        }
        as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "13600710001")).when().post("/api/callers/tickets").then().statusCode(200).body("id", equalTo(List.of((int) id)));
        as("dept-urban-management").contentType(ContentType.JSON).body(Map.of("phone", "13600710001"))
                .when().post("/api/callers/tickets").then().statusCode(403);
        as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "1360071")).when().post("/api/callers/tickets")
                .then().statusCode(400).body("errors.field", hasItem("phone"));
    }

    @Test
    void aConfidentialCallerIsNeverShownToDepartments() {
        long id = dispatchedTo("urban-management", complaint("13600710002", true));
        String detail = as("dept-urban-management").when().get("/api/tickets/" + id).then().statusCode(200)
                .body("callerPhone", equalTo("（来电人要求保密）"))
                .body("callerName", nullValue())
                .body("callerPhoneRevealable", equalTo(false)).extract().asString();
        assertFalse(detail.contains("136****0002"), "not even the masked number");
        String accepted = as("dept-urban-management").when().post("/api/tickets/" + id + "/accept").then().statusCode(200)
                .body("callerPhone", equalTo("（来电人要求保密）")).extract().asString();
        assertFalse(accepted.contains("136****0002"));
        reveal("dept-urban-management", id).statusCode(403).body("type", org.hamcrest.Matchers.endsWith("/forbidden"));
        as("agent1").when().get("/api/tickets/" + id).then().statusCode(200)
                .body("callerPhone", equalTo("136****0002")).body("callerName", equalTo("李女士"));
    }

    @Test
    void revealAnswersTheNumberToThoseAllowedAndIsAudited() {
        long id = dispatchedTo("urban-management", complaint("0513-85000003", false));
        for (String user : List.of("agent1", "coord1", "admin", "dept-urban-management")) {
            reveal(user, id).statusCode(200).header("Cache-Control", "no-store")
                    .body("callerPhone", equalTo("0513-85000003")).body("ticketId", equalTo((int) id));
        }
        reveal("agent1", id).statusCode(200).body("callerPhone", equalTo("0513-85000003"));
        reveal("dept-gas", id).statusCode(404);
        reveal("editor1", id).statusCode(403);
        as("admin").when().get("/api/audit?action=ticket.reveal-phone&size=500").then().statusCode(200)
                .body("items.findAll { it.ticketId == " + id + " }.actor",
                        equalTo(List.of("agent1", "dept-urban-management", "admin", "coord1", "agent1")))
                .body("items.find { it.ticketId == " + id + " && it.actor == 'dept-urban-management' }.role",
                        equalTo("DEPARTMENT"));
    }

    @Test
    void theFullNumberAppearsInNoLogAndNoAnswerButTheReveal() {
        String phone = "13600710004";
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                // REST Assured's HTTP client logs what this test sends; only the service's own log counts.
                if (r.getLoggerName() == null || r.getLoggerName().startsWith("org.apache.http")) {
                    return;
                }
                logged.add(r.getLoggerName() + ": " + r.getMessage() + " " + (r.getParameters() == null ? "" : List.of(r.getParameters()))
                        + (r.getThrown() == null ? "" : " " + r.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.FINE);
        List<String> answers = new ArrayList<>();
        try {
            String created = seen(answers, as("agent1").contentType(ContentType.JSON).body(complaint(phone, false))
                    .when().post("/api/tickets").then().statusCode(201));
            long id = io.restassured.path.json.JsonPath.from(created).getLong("id");
            seen(answers, as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "urban-management"))
                    .when().post("/api/tickets/" + id + "/dispatch").then().statusCode(200));
            seen(answers, as("coord1").when().get("/api/tickets/" + id).then().statusCode(200));
            seen(answers, as("agent1").when().get("/api/tickets?size=200").then().statusCode(200));
            seen(answers, as("agent1").contentType(ContentType.JSON).body(Map.of("phone", phone))
                    .when().post("/api/callers/tickets").then().statusCode(200));
            seen(answers, as("agent1").contentType(ContentType.JSON).body(complaint(phone, false))
                    .when().post("/api/tickets/repeat-candidates").then().statusCode(200));
            // The department's side, the callback and a second call of the same caller, which joins a cluster.
            seen(answers, as("dept-urban-management").when().post("/api/tickets/" + id + "/accept").then().statusCode(200));
            seen(answers, as("dept-urban-management").contentType(ContentType.JSON).body(Map.of("text",
                            "已于3月2日清运海门区永和路17号垃圾站，并安排每日上午清运一次。", "outcome", "RESOLVED"))
                    .when().post("/api/tickets/" + id + "/reply").then().statusCode(200));
            seen(answers, as("agent1").contentType(ContentType.JSON).body(Map.of("satisfaction", "SATISFIED",
                    "resolved", true)).when().post("/api/tickets/" + id + "/callback").then().statusCode(200));
            String again = seen(answers, as("agent1").contentType(ContentType.JSON).body(complaint(phone, false))
                    .when().post("/api/tickets").then().statusCode(201));
            Long cluster = io.restassured.path.json.JsonPath.from(again).getObject("clusterId", Long.class);
            if (cluster != null) {
                seen(answers, as("coord1").when().get("/api/repeat/clusters/" + cluster).then().statusCode(200));
            }
            seen(answers, as("coord1").when().get("/api/supervision/cases?size=100").then().statusCode(200));
            seen(answers, as("coord1").when().get("/api/supervision/reply-flags?size=100").then().statusCode(200));
            seen(answers, as("coord1").when().get("/api/stats/hot").then().statusCode(200));
            seen(answers, as("admin").when().get("/api/audit?size=500").then().statusCode(200));
            // The consoles: login redirects, the landing redirect and the agent's page.
            var login = RestAssured.given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("j_username", "agent1").formParam("j_password", cn.nantong.hotline.support.Api.PASSWORD)
                    .when().post("/j_security_check").then().statusCode(302);
            seen(answers, login);
            String session = login.extract().cookie("quarkus-credential");
            seen(answers, RestAssured.given().redirects().follow(false).cookie("quarkus-credential", session)
                    .when().get("/console").then().statusCode(303));
            seen(answers, RestAssured.given().cookie("quarkus-credential", session).when().get("/console/agent")
                    .then().statusCode(200));
            String revealed = reveal("agent1", id).statusCode(200).extract().asString();
            assertEquals(phone, io.restassured.path.json.JsonPath.from(revealed).getString("callerPhone"));
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        for (String answer : answers) {
            assertFalse(answer.contains(phone), answer);
        }
        assertFalse(logged.isEmpty(), "the capture saw the service's log");
        logged.forEach(line -> assertFalse(line.contains(phone), line));
    }

    /** Keeps what a response shows beyond the reveal: its body and every header, Location and cookies included. */
    private static String seen(List<String> answers, ValidatableResponse response) {
        var r = response.extract();
        answers.add(r.headers().toString());
        answers.add(r.asString());
        return r.asString();
    }

    @Test
    void intakeErrorsDoNotEchoTheNumber() {
        as("agent1").contentType(ContentType.JSON).body(complaint("1360071000", false)).when().post("/api/tickets")
                .then().statusCode(400).body("errors.field", hasItem("callerPhone"))
                .body("detail", not(org.hamcrest.Matchers.containsString("1360071000")));
    }
}
