package cn.nantong.hotline.support;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import java.util.HashMap;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;

/** Intake bodies and intake by agent1, shared by the API tests of the features built on tickets. */
public final class Tickets {

    private Tickets() {
    }

    public static Map<String, Object> report(String type, String phone, String district, String address, String content) {
        Map<String, Object> m = new HashMap<>(Map.of("callerPhone", phone, "type", type, "channel", "PHONE",
                "district", district, "content", content));
        if (address != null) {
            m.put("address", address);
        }
        return m;
    }

    /** Records the call as agent1; asserts 201 and answers the ticket. */
    public static JsonPath intake(Map<String, Object> body) {
        return as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets")
                .then().statusCode(201).extract().jsonPath();
    }
}
