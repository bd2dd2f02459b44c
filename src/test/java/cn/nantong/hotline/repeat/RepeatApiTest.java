package cn.nantong.hotline.repeat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.nantong.hotline.support.Api.as;
import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Repeat detection at intake, candidates while typing, agents' and coordinators' corrections, and the race. */
@QuarkusTest
class RepeatApiTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anotherCallerReportingTheSameProblemInOtherWordsIsARepeat() {
        JsonPath first = intake(report("COMPLAINT", "13700140001", "海安市", "海安市长江中路168号锦绣苑7幢",
                "锦绣苑7幢旁边的工地每天晚上十一点以后还在施工，打桩声音特别大，吵得孩子睡不着觉。"));
        assertNull(first.get("repeat"));
        JsonPath second = intake(report("COMPLAINT", "13700140002", "海安市", "锦绣苑7幢",
                "晚上工地又在打桩，锦绣苑这边根本没法睡，夜间施工噪音谁来管？"));
        assertEquals(first.getLong("id"), second.getLong("repeat.of"));
        assertNotNull(second.get("repeat.clusterId"));
        assertTrue(second.getList("repeat.reasons").size() > 0);
        as("coord1").when().get("/api/repeat/clusters/" + second.getLong("repeat.clusterId")).then().statusCode(200)
                .body("reportCount", equalTo(2)).body("callerCount", equalTo(2)).body("tickets", hasSize(2));
        JsonPath again = intake(report("COMPLAINT", "13700140001", "海安市", "锦绣苑7幢",
                "锦绣苑7幢边上的工地昨晚又打桩到半夜，上次反映过还是没人管。"));
        assertEquals(second.getLong("repeat.clusterId"), again.getLong("repeat.clusterId"));
        as("coord1").when().get("/api/repeat/clusters/" + second.getLong("repeat.clusterId")).then().statusCode(200)
                .body("reportCount", equalTo(3)).body("callerCount", equalTo(2)).body("tickets", hasSize(3));
    }

    @Test
    void theSameCallerOrPlaceWithADifferentProblemIsNotARepeat() {
        intake(report("COMPLAINT", "13700140011", "海安市", "海安市宁海路20号福园小区3幢",
                "福园小区3幢楼下的饭店油烟直排，整栋楼都是油烟味，窗户不敢开。"));
        JsonPath samePlace = intake(report("COMPLAINT", "13700140012", "海安市", "海安市宁海路20号福园小区3幢",
                "福园小区3幢的电梯这个月坏了三次，老人被困了半个小时，物业一直拖着不修。"));
        assertNull(samePlace.get("repeat"));
        JsonPath sameCaller = intake(report("HELP", "13700140011", "海安市", "海安市人民路55号",
                "我父亲的医保卡丢了，住院报销不了，想问怎么补办。"));
        assertNull(sameCaller.get("repeat"));
    }

    @Test
    void inquiriesAreNeverRepeatsNorOriginals() {
        JsonPath q1 = intake(report("INQUIRY", "13700140021", "海安市", null, "公积金怎么提取用来付房租？"));
        JsonPath q2 = intake(report("INQUIRY", "13700140022", "海安市", null, "公积金怎么提取用来付房租？"));
        assertNull(q2.get("repeat"));
        assertNull(q2.get("clusterId"));
        Map<String, Object> body = report("COMPLAINT", "13700140023", "海安市", "海安市中坝路1号", "公积金中心窗口排队三小时。");
        body.put("repeatOf", q1.getLong("id"));
        as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("repeatOf"));
        assertEquals(0, as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "13700140023")).when().post("/api/callers/tickets").then().extract()
                .jsonPath().getList("$").size(), "the refused intake left nothing behind");
        assertNotNull(q1.get("id"));
    }

    @Test
    void candidatesWhileTypingShowWhyAndStoreNothing() {
        JsonPath first = intake(report("COMPLAINT", "13700140031", "海安市", "海安市黄海路9号银杏苑2幢",
                "银杏苑2幢下水道堵了一个星期，污水从井盖里冒出来，整条路都是臭味。"));
        Map<String, Object> draft = report("COMPLAINT", "13700140032", "海安市", "银杏苑",
                "银杏苑门口下水道冒污水，臭得不行。");
        as("agent1").contentType(ContentType.JSON).body(draft).when().post("/api/tickets/repeat-candidates")
                .then().statusCode(200)
                .body("ticketId", hasItem(first.getInt("id")))
                .body("[0].reasons.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("[0].number", notNullValue());
        as("agent1").contentType(ContentType.JSON).body(Map.of("phone", "13700140032")).when().post("/api/callers/tickets").then().statusCode(200).body("$", hasSize(0));
        as("dept-water").contentType(ContentType.JSON).body(draft).when().post("/api/tickets/repeat-candidates")
                .then().statusCode(403);
    }

    @Test
    void theAgentConfirmsOrRejectsALinkAtIntake() {
        JsonPath original = intake(report("COMPLAINT", "13700140041", "海安市", "海安市城东镇光明村二组",
                "光明村二组的自来水这几天发黄，有铁锈味，烧开了也不敢喝。"));
        Map<String, Object> rejected = report("COMPLAINT", "13700140042", "海安市", "海安市城东镇光明村二组",
                "光明村二组自来水发黄有锈味，这水还能喝吗？");
        rejected.put("notRepeatOf", List.of(original.getLong("id")));
        assertNull(intake(rejected).get("repeat"), "the agent said it is a different problem");

        Map<String, Object> confirmed = report("COMPLAINT", "13700140043", "海安市", "海安市城东镇",
                "村里的水不能喝了，好几户都这样。");
        confirmed.put("repeatOf", original.getLong("id"));
        JsonPath c = intake(confirmed);
        assertEquals(original.getLong("id"), c.getLong("repeat.of"));
        assertEquals("接线员确认", c.getString("repeat.reasons[0]"));
    }

    @Test
    void aCoordinatorMergesAndSplitsClusters() {
        long a1 = intake(report("COMPLAINT", "13700140051", "海安市", "海安市海安镇丁香苑8幢",
                "丁香苑8幢从昨天早上开始停水，到现在还没来水，也没看到停水通知。")).getLong("id");
        JsonPath a2 = intake(report("COMPLAINT", "13700140052", "海安市", "丁香苑8幢",
                "丁香苑又停水了，一整天没水，做饭洗澡都不行。"));
        long b1 = intake(report("COMPLAINT", "13700140053", "海安市", "海安市海安镇玉兰苑2幢",
                "玉兰苑2幢停水一天了，物业说不清楚什么原因。")).getLong("id");
        JsonPath b2 = intake(report("COMPLAINT", "13700140054", "海安市", "玉兰苑2幢",
                "玉兰苑2幢到现在没水，家里老人要吃药都没水。"));
        long clusterA = a2.getLong("clusterId");
        long clusterB = b2.getLong("clusterId");
        assertTrue(clusterA != clusterB, "the same kind of problem at another site is another problem");
        as("coord1").contentType(ContentType.JSON).body(Map.of("into", clusterA, "note", "同一根供水主管爆裂"))
                .when().post("/api/repeat/clusters/" + clusterB + "/merge").then().statusCode(200)
                .body("reportCount", equalTo(4)).body("tickets.id", hasItem((int) b1));
        as("coord1").when().get("/api/repeat/clusters/" + clusterB).then().statusCode(404);
        as("coord1").contentType(ContentType.JSON).body(Map.of("note", "玉兰苑是另一处"))
                .when().post("/api/repeat/tickets/" + b2.getLong("id") + "/split").then().statusCode(200)
                .body("reportCount", equalTo(3));
        as("coord1").contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/repeat/tickets/" + a1 + "/split").then().statusCode(409);
        as("agent1").contentType(ContentType.JSON).body(Map.of("into", clusterA))
                .when().post("/api/repeat/clusters/" + clusterA + "/merge").then().statusCode(403);
    }

    @Test
    void twoReportsOfANewProblemAtTheSameMomentEndInOneCluster() throws Exception {
        for (int round = 0; round < 3; round++) {
            String estate = List.of("丹桂苑", "海棠苑", "紫薇苑").get(round);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int caller = 0; caller < 2; caller++) {
                Map<String, Object> body = report("COMPLAINT", "1370015" + round + "00" + caller, "如东县",
                        "如东县掘港镇" + estate + "5幢", estate + "5幢楼顶的水箱漏水，顺着楼道往下流，楼梯全是水，老人滑倒了。");
                answers.add(pool.submit(() -> {
                    start.await();
                    return intake(body);
                }));
            }
            start.countDown();
            JsonPath x = answers.get(0).get();
            JsonPath y = answers.get(1).get();
            pool.shutdown();
            assertNotNull(x.get("clusterId") != null ? x.get("clusterId") : y.get("clusterId"), "one links to the other");
            boolean oneRepeatsTheOther = (x.get("repeat") == null) != (y.get("repeat") == null);
            assertTrue(oneRepeatsTheOther, "exactly one is the original");
            JsonPath later = x.get("repeat") == null ? y : x;
            JsonPath earlier = later == x ? y : x;
            assertEquals(earlier.getLong("id"), later.getLong("repeat.of"));
            as("coord1").when().get("/api/repeat/clusters/" + later.getLong("clusterId")).then()
                    .body("reportCount", equalTo(2));
        }
    }

    @Test
    void aReportJoinsTheClusterAnotherInstanceGaveItsOriginalMeanwhile() throws Exception {
        long original = intake(report("COMPLAINT", "13700140071", "启东市", "启东市公园中路18号紫荆苑2幢",
                "紫荆苑2幢旁边的工地每天晚上十一点以后还在施工，打桩声音特别大，吵得孩子睡不着觉。")).getLong("id");
        long theirs;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // Another instance has started a cluster of the original and not yet committed.
            theirs = single(other, """
                    insert into repeat_cluster (first_ticket_id, district, report_count, caller_count, first_at, last_at)
                    select id, district, 1, 1, received_at, received_at from ticket where id = ? returning id""", original);
            single(other, "update ticket set cluster_id = ? where id = ? returning id", theirs, original);
            Future<JsonPath> repeat = pool.submit(() -> intake(report("COMPLAINT", "13700140072", "启东市", "紫荆苑2幢",
                    "晚上工地又在打桩，紫荆苑这边根本没法睡，夜间施工噪音谁来管？")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            try (Connection watcher = dataSource.getConnection()) {
                while (single(watcher, "select count(*) from pg_locks where not granted and locktype = 'transactionid'") == 0) {
                    assertTrue(System.nanoTime() < deadline && !repeat.isDone(), "the intake waits for the other instance");
                    Thread.sleep(20);
                }
            }
            other.commit();
            JsonPath answer = repeat.get(30, TimeUnit.SECONDS);
            assertEquals(original, answer.getLong("repeat.of"));
            assertEquals(theirs, answer.getLong("repeat.clusterId"));
        } finally {
            pool.shutdownNow();
        }
        as("coord1").when().get("/api/repeat/clusters/" + theirs).then().statusCode(200)
                .body("reportCount", equalTo(2)).body("callerCount", equalTo(2)).body("tickets", hasSize(2));
        try (Connection c = dataSource.getConnection()) {
            assertEquals(1, single(c, "select count(*) from repeat_cluster where first_ticket_id = ?", original),
                    "the cluster the intake started meanwhile is gone");
        }
    }

    private static long single(Connection c, String sql, long... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setLong(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getLong(1);
            }
        }
    }

    @Test
    void badInputIsNamed() {
        Map<String, Object> body = report("COMPLAINT", "13700140061", "海安市", "海安市某路", "路灯坏了");
        body.put("repeatOf", 999999999L);
        as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets").then().statusCode(400)
                .body("errors[0].field", equalTo("repeatOf"));
        body.remove("repeatOf");
        body.put("notRepeatOf", List.of("abc"));
        as("agent1").contentType(ContentType.JSON).body(body).when().post("/api/tickets").then().statusCode(400);
        as("coord1").contentType(ContentType.JSON).body(Map.of())
                .when().post("/api/repeat/clusters/1/merge").then().statusCode(400)
                .body("errors[0].field", equalTo("into"));
        as("coord1").when().get("/api/repeat/clusters/999999").then().statusCode(404).body("detail", notNullValue());
    }
}
