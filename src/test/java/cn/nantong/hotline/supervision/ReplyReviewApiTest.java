package cn.nantong.hotline.supervision;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Empty and copy-paste replies reach the coordinator, who accepts them or sends them back. */
@QuarkusTest
class ReplyReviewApiTest {

    private static long replied(String phone, String content, String reply) {
        long id = intake(report("COMPLAINT", phone, "如皋市", "如皋市如城街道" + phone.substring(7) + "号", content)).getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "transport")).when()
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
        as("dept-transport").when().post("/api/tickets/" + id + "/accept").then().statusCode(200);
        as("dept-transport").contentType(ContentType.JSON).body(Map.of("text", reply, "outcome", "RESOLVED"))
                .when().post("/api/tickets/" + id + "/reply").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> flagOf(long ticketId) {
        List<Map<String, Object>> flags = as("coord1").when().get("/api/supervision/reply-flags?size=100").then()
                .statusCode(200).extract().jsonPath().getList("items");
        return flags.stream().filter(f -> ((Number) f.get("ticketId")).longValue() == ticketId).findFirst().orElse(null);
    }

    @Test
    void anEmptyReplyIsFlaggedAndSentBackToTheDepartment() {
        long id = replied("13500160001", "公交12路末班车经常提前发车，晚上下班赶不上车。",
                "您反映的问题已收悉，我局高度重视，已转相关部门处理，感谢您对交通工作的关心和支持。");
        Map<String, Object> flag = flagOf(id);
        assertEquals(true, flag.get("vague"));
        assertEquals("PENDING", flag.get("status"));
        as("coord1").contentType(ContentType.JSON).body(Map.of("reason", "请说明核查结果和整改措施"))
                .when().post("/api/supervision/reply-flags/" + flag.get("id") + "/send-back").then().statusCode(200)
                .body("status", equalTo("SENT_BACK"));
        as("coord1").when().get("/api/tickets/" + id).then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("timeline.action", hasItem("send-back"))
                .body("allowedActions", hasItem("reply"));
        as("coord1").contentType(ContentType.JSON).body(Map.of("reason", "再退一次"))
                .when().post("/api/supervision/reply-flags/" + flag.get("id") + "/send-back").then().statusCode(409);
        as("dept-transport").contentType(ContentType.JSON).body(Map.of(
                        "text", "经调取12路3月1日至7日发车记录，末班车有2次提前5分钟发车。已约谈公交公司第二分公司，"
                                + "自3月10日起末班车按21:30准点发车并安排站务员核查。", "outcome", "RESOLVED"))
                .when().post("/api/tickets/" + id + "/reply").then().statusCode(200).body("status", equalTo("REPLIED"));
        as("coord1").when().get("/api/supervision/reply-flags?size=100").then()
                .body("items.findAll { it.ticketId == " + id + " }.size()", equalTo(0));
    }

    @Test
    void aConcreteReplyIsNotFlaggedAndACopiedOneShowsWhatItCopies() {
        long concrete = replied("13500160011", "出租车司机拒载，从火车站去医院不肯打表。",
                "经核查，涉事车辆苏F·T1234于3月2日在火车站拒载属实，我局已对驾驶员处以200元罚款并扣减服务质量信誉分，"
                        + "3月9日起在火车站出租车候客区增派执法人员。");
        assertEquals(null, flagOf(concrete));
        String template = "您好，您反映的情况我局已知悉，我局已责成相关单位进行处理，后续将进一步加强监管，感谢您的来电。";
        long earlier = replied("13500160012", "高速收费站ETC车道经常抬杆失灵。", template);
        long copy = replied("13500160013", "乡村公路路面塌陷，大车经过很危险。",
                "您好，您反映的情况我局已知悉，我局已责成相关单位进行处理，后续将进一步加强监管，感谢您的来电！");
        Map<String, Object> flag = flagOf(copy);
        assertEquals(true, flag.get("nearCopy"), String.valueOf(flag));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> copies = (List<Map<String, Object>>) flag.get("copies");
        assertEquals(earlier, ((Number) copies.get(0).get("ticketId")).longValue());
        assertEquals(template, copies.get(0).get("replyText"));
        as("coord1").contentType(ContentType.JSON).body(Map.of("note", "路面塌陷已另案处理"))
                .when().post("/api/supervision/reply-flags/" + flag.get("id") + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
        as("coord1").when().get("/api/supervision/reply-flags").then()
                .body("items.id", not(hasItem(flag.get("id"))));
        as("dept-transport").when().get("/api/supervision/reply-flags").then().statusCode(403);
        as("coord1").when().get("/api/stats/departments").then().statusCode(200)
                .body("departments.find { it.department == 'transport' }.flaggedReplies", greaterThanOrEqualTo(1));
    }
}
