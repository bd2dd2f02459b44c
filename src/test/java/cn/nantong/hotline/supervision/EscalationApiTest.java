package cn.nantong.hotline.supervision;

import cn.nantong.hotline.support.ScanTimes;
import cn.nantong.hotline.ticket.LightScan;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each escalation rule opens (or joins) one supervision case with its reason. */
@QuarkusTest
class EscalationApiTest {

    @Inject
    LightScan scan;

    @Inject
    AgroalDataSource dataSource;

    private static void act(String user, long id, String action, Object body) {
        var req = as(user).contentType(ContentType.JSON);
        if (body != null) {
            req = req.body(body);
        }
        req.when().post("/api/tickets/" + id + "/" + action).then().statusCode(200);
    }

    private static long handled(long id, String dept, String reply) {
        act("agent1", id, "dispatch", Map.of("lead", dept));
        act("dept-" + dept, id, "accept", null);
        act("dept-" + dept, id, "reply", Map.of("text", reply, "outcome", "RESOLVED"));
        return id;
    }

    @Test
    void aThirdReportOfOneProblemOpensOneCaseForTheCluster() {
        String place = "启东市汇龙镇紫薇路36号桂花苑4幢";
        long first = intake(report("COMPLAINT", "13600150001", "启东市", place,
                "桂花苑4幢楼下垃圾站好几天没人清运，垃圾堆成山，臭气熏天，苍蝇到处飞。")).getLong("id");
        intake(report("COMPLAINT", "13600150002", "启东市", "桂花苑4幢", "桂花苑垃圾站垃圾没人清运，臭死了。"));
        JsonPath third = intake(report("COMPLAINT", "13600150003", "启东市", "启东市桂花苑",
                "桂花苑垃圾站的垃圾一个礼拜没运走了，夏天全是臭味。"));
        JsonPath c = SupervisionApiTest.caseOf(first);
        assertEquals(List.of("REPEATED"), c.getList("triggers"));
        assertEquals(third.getLong("clusterId"), c.getLong("cluster.id"));
        assertEquals(3, c.getInt("cluster.reportCount"));
        intake(report("COMPLAINT", "13600150004", "启东市", "桂花苑4幢", "桂花苑垃圾站还是没人清运。"));
        JsonPath again = SupervisionApiTest.caseOf(first);
        assertEquals(c.getLong("id"), again.getLong("id"), "a fourth report joins the same case");
        assertEquals(4, again.getList("tickets").size());
        assertEquals(List.of("30 天内同一问题被反映 4 次"), again.getList("reasons"), "the latest count, not a line per report");
        assertEquals(List.of("open"), again.getList("timeline.action"),
                "the timeline says when the case opened, not every report since: " + again.prettify());
    }

    @Test
    void aReportJoinsTheCaseAnotherInstanceOpensMeanwhile() throws Exception {
        intake(report("COMPLAINT", "13600150061", "海门区", "海门区三厂街道青龙路18号丁香苑3幢",
                "丁香苑3幢门口的下水道堵了一个星期，污水漫到路上，臭得没法走路。"));
        long cluster = intake(report("COMPLAINT", "13600150062", "海门区", "丁香苑3幢",
                "丁香苑3幢下水道堵了，污水满地都是。")).getLong("clusterId");
        long theirs;
        JsonPath answer;
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            // Another instance escalates this problem first, under its lock, and has not committed yet.
            try (PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "case-cluster:" + cluster);
                lock.execute();
            }
            try (PreparedStatement open = other.prepareStatement("""
                    insert into supervision_case (version, status, triggers, reasons, cluster_id, summary, opened_at)
                    values (0, 'OPEN', '{REPEATED}', '{另一实例}', ?, '丁香苑下水道', now()) returning id""")) {
                open.setLong(1, cluster);
                try (ResultSet rs = open.executeQuery()) {
                    assertTrue(rs.next());
                    theirs = rs.getLong(1);
                }
            }
            Future<JsonPath> third = pool.submit(() -> intake(report("COMPLAINT", "13600150063", "海门区",
                    "海门区丁香苑", "丁香苑下水道堵了好几天，污水漫到路上，一直没人来疏通。")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (waitingForAdvisoryLocks() == 0) {
                assertTrue(System.nanoTime() < deadline && !third.isDone(), "the intake waits for the other instance");
                Thread.sleep(20);
            }
            other.commit();
            answer = third.get(30, TimeUnit.SECONDS);
            assertEquals(cluster, answer.getLong("clusterId"));
        } finally {
            pool.shutdownNow();
        }
        JsonPath c = SupervisionApiTest.caseOf(answer.getLong("id"));
        assertEquals(theirs, c.getLong("id"), "the report joined the case opened meanwhile instead of opening another");
        assertTrue(c.getList("reasons").stream().anyMatch(r -> r.toString().contains("3 次")), c.prettify());
    }

    private long waitingForAdvisoryLocks() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement()
                .executeQuery("select count(*) from pg_locks where not granted and locktype = 'advisory'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void reportsMergedIntoAnEscalatedClusterJoinItsCase() {
        long first = intake(report("COMPLAINT", "13600150011", "如东县", "如东县掘港街道青园路88号海棠苑2幢",
                "海棠苑2幢楼下的路灯坏了一个多月，晚上一片漆黑，老人走路摔了好几次。")).getLong("id");
        intake(report("COMPLAINT", "13600150012", "如东县", "海棠苑2幢", "海棠苑2幢门口路灯不亮，晚上太黑了。"));
        long cluster = intake(report("COMPLAINT", "13600150013", "如东县", "如东县海棠苑",
                "海棠苑的路灯坏了好久，一直没人来修。")).getLong("clusterId");
        long caseId = SupervisionApiTest.caseOf(first).getLong("id");
        JsonPath other = intake(report("COMPLAINT", "13600150014", "如东县", "如东县掘港街道石榴苑5幢",
                "石榴苑5幢门口路灯一个月不亮了，晚上出门很危险。"));
        JsonPath otherAgain = intake(report("COMPLAINT", "13600150015", "如东县", "石榴苑5幢",
                "石榴苑5幢路灯坏了没人修，黑咕隆咚的。"));
        long otherCluster = otherAgain.getLong("clusterId");
        as("coord1").contentType(ContentType.JSON).body(Map.of("into", cluster, "note", "同一条线路故障"))
                .when().post("/api/repeat/clusters/" + otherCluster + "/merge").then().statusCode(200);

        JsonPath merged = SupervisionApiTest.caseOf(first);
        assertEquals(caseId, merged.getLong("id"));
        assertEquals(5, merged.getList("tickets").size(), "the merged cluster's two reports came with it");
        assertTrue(merged.getList("tickets.id", Long.class).contains(other.getLong("id")));
    }

    @Test
    void aReportAfterTheDepartmentDeclaredItResolvedIsTheLoop() {
        long first = handled(intake(report("COMPLAINT", "13600150011", "启东市", "启东市和平南路12号",
                        "和平南路12号门口的路灯坏了两个月，晚上一片漆黑，老人摔倒过。")).getLong("id"),
                "urban-management", "已于3月5日更换和平南路12号门口路灯灯头，经现场测试恢复照明。");
        JsonPath again = intake(report("COMPLAINT", "13600150012", "启东市", "启东市和平南路12号",
                "和平南路12号的路灯说修好了，可晚上还是不亮，一片漆黑。"));
        assertEquals(first, again.getLong("repeat.of"));
        JsonPath c = SupervisionApiTest.caseOf(again.getLong("id"));
        assertTrue(c.getList("triggers").contains("LOOP"), c.prettify());
        as("coord1").when().get("/api/repeat/clusters/" + again.getLong("clusterId")).then()
                .body("reportedAfterHandled", equalTo(true));
        act("agent1", again.getLong("id"), "dispatch", Map.of("lead", "urban-management"));
        as("coord1").when().get("/api/stats/departments").then().statusCode(200)
                .body("departments.find { it.department == 'urban-management' }.repeatRate", greaterThan(0f));
    }

    @Test
    void fiveCallersInADayMakeAHotIssue() {
        long first = 0;
        for (int i = 0; i < 5; i++) {
            long id = intake(report("COMPLAINT", "1360015002" + i, "启东市", "启东市江海中路与人民路交叉口",
                    "江海中路人民路路口的红绿灯坏了，" + (i + 1) + "个方向的车都乱开，差点撞到人。")).getLong("id");
            first = i == 0 ? id : first;
        }
        assertTrue(SupervisionApiTest.caseOf(first).getList("triggers").contains("HOT"));
    }

    @Test
    void twoUnsatisfiedCallbacksEscalate() {
        long id = handled(intake(report("HELP", "13600150031", "启东市", "启东市北新镇",
                "北新镇敬老院冬天没有暖气，老人冻得生病。")).getLong("id"), "civil-affairs", "已协调安装空调两台。");
        act("agent1", id, "callback", Map.of("satisfaction", "UNSATISFIED", "resolved", false));
        act("dept-civil-affairs", id, "accept", null);
        act("dept-civil-affairs", id, "reply", Map.of("text", "已再次协调，3月8日前加装暖风机。", "outcome", "PARTIALLY_RESOLVED"));
        act("agent1", id, "callback", Map.of("satisfaction", "UNSATISFIED", "resolved", false));
        JsonPath c = SupervisionApiTest.caseOf(id);
        assertEquals(List.of("UNSATISFIED"), c.getList("triggers"));
    }

    @Test
    void redForMoreThanAWorkingDayEscalatesAfterTheScan() {
        long id = intake(report("COMPLAINT", "13600150041", "启东市", "启东市吕四港镇渔港路",
                "渔港路有小作坊夜里偷偷往河里倒废油。")).getLong("id");
        act("agent1", id, "dispatch", Map.of("lead", "ecology-environment"));
        Instant later = ScanTimes.next(Duration.ofDays(40));
        assertTrue(scan.scan(later).ran());
        as("coord1").when().get("/api/supervision/cases?ticket=" + id).then().body("total", equalTo(0));
        Instant muchLater = ScanTimes.next(Duration.ofDays(43));
        assertTrue(scan.scan(muchLater).ran());
        assertTrue(SupervisionApiTest.caseOf(id).getList("triggers").contains("LONG_RED"));
        String day = muchLater.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate().toString();
        as("coord1").when().get("/api/stats/departments?from=" + day + "&to=" + day).then().statusCode(200)
                .body("departments.find { it.department == 'ecology-environment' }.supervisionCases",
                        greaterThanOrEqualTo(1));
    }

    @Test
    void hotTopicsShowTheLargestClusters() {
        String place = "启东市汇龙镇长江路88号新城花园";
        intake(report("COMPLAINT", "13600150051", "启东市", place, "新城花园门口的广场舞每天晚上放到十点，音响特别响。"));
        JsonPath second = intake(report("COMPLAINT", "13600150052", "启东市", "新城花园",
                "新城花园广场舞音响太吵了，晚上十点还在跳。"));
        as("coord1").when().get("/api/stats/hot").then().statusCode(200)
                .body("largest.clusterId", hasItem(second.getInt("clusterId")))
                .body("byDistrict.district", hasItem("启东市"));
        as("agent1").when().get("/api/stats/hot").then().statusCode(403);
        as("coord1").when().get("/api/stats/hot?from=2026-13-01").then().statusCode(400);
    }
}
