package cn.nantong.hotline.support;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** REST Assured requests as the demo accounts the tests run with. */
public final class Api {

    public static final String PASSWORD = "demo12345";

    private Api() {
    }

    public static RequestSpecification anonymous() {
        return RestAssured.given();
    }

    public static RequestSpecification as(String username) {
        return RestAssured.given().auth().preemptive().basic(username, PASSWORD);
    }
}
