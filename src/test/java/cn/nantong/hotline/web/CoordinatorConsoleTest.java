package cn.nantong.hotline.web;

import cn.nantong.hotline.support.ScanTimes;
import cn.nantong.hotline.ticket.LightScan;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static cn.nantong.hotline.support.Tickets.intake;
import static cn.nantong.hotline.support.Tickets.report;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coordinator's board as served: role checks, filters, and the monthly report's exports read back. */
@QuarkusTest
class CoordinatorConsoleTest {

    @Inject
    LightScan scan;

    private static void act(String user, long id, String action, Object body) {
        var req = as(user).contentType(ContentType.JSON);
        if (body != null) {
            req = req.body(body);
        }
        req.when().post("/api/tickets/" + id + "/" + action).then().statusCode(200);
    }

    private static String page(String user, String query) {
        return ConsoleSession.login(user, "/console/coordinator").cookieOnly().urlEncodingEnabled(false).when().get("/console/coordinator" + query)
                .then().statusCode(200).header("Content-Security-Policy", PublicPageHeaders.CONTENT_SECURITY_POLICY)
                .extract().asString();
    }

    @Test
    void theBoardShowsARepeatedComplaintsCaseAndOnlyTheCoordinatorGetsTheActions() {
        String place = "海安市城东镇宁海路77号";
        long first = intake(report("COMPLAINT", "13600170001", "海安市", place,
                "宁海路77号门口的下水道堵了，污水漫到路上，臭味很大。")).getLong("id");
        intake(report("COMPLAINT", "13600170002", "海安市", "宁海路77号", "宁海路77号下水道堵塞，污水横流。"));
        intake(report("COMPLAINT", "13600170003", "海安市", "海安市宁海路", "宁海路77号的下水道还是堵着，污水到处都是。"));
        long caseId = as("coord1").when().get("/api/supervision/cases?ticket=" + first).then().statusCode(200)
                .body("total", equalTo(1)).extract().jsonPath().getLong("items[0].id");

        String board = page("coord1", "");
        assertTrue(board.contains("<tr data-case-id=\"" + caseId + "\">"), "the case is in the queue");
        assertTrue(board.contains("重复投诉"), "with its reason");
        assertTrue(board.contains("data-action=\"assign\""), "the coordinator may act");
        assertTrue(board.contains("/webjars/echarts/dist/echarts.min.js"));
        assertTrue(board.contains("/assets/coordinator-console.js"));

        String readOnly = page("admin", "");
        assertTrue(readOnly.contains("<tr data-case-id=\"" + caseId + "\">"));
        assertFalse(readOnly.contains("data-action=\"assign\""), "an administrator only looks");
        assertTrue(readOnly.contains("系统管理员只读查看"));

        ConsoleSession.login("agent1", "/console/agent").cookieOnly().when().get("/console/coordinator").then()
                .statusCode(403).body(containsString("无权访问"));
        ConsoleSession.login("dept-water", "/console/department").cookieOnly().when().get("/console/coordinator").then()
                .statusCode(403);
    }

    @Test
    void chartsComeFromTheServersOwnWebjar() {
        as("coord1").when().get("/webjars/echarts/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript")).body(containsString("echarts"));
    }

    @Test
    void aPendingExtensionRequestIsOnTheBoard() {
        long id = intake(report("COMPLAINT", "13600170011", "如皋市", "如皋市如城街道海阳路5号",
                "海阳路5号路面塌陷一个大坑，电动车经过很危险。")).getLong("id");
        act("agent1", id, "dispatch", Map.of("lead", "transport"));
        act("dept-transport", id, "accept", null);
        act("dept-transport", id, "extension", Map.of("workingDays", 3, "reason", "需要等待沥青摊铺设备进场"));
        String number = as("coord1").when().get("/api/tickets/" + id).then().extract().jsonPath().getString("number");
        String board = page("coord1", "");
        int section = board.indexOf("id=\"extensions\"");
        assertTrue(board.indexOf("data-ticket-id=\"" + id + "\" data-department=\"transport\"", section) > 0, "in the extensions list");
        assertTrue(board.indexOf(number, section) > 0);
        assertTrue(board.contains("需要等待沥青摊铺设备进场"));
    }

    @Test
    void theDistrictFilterNarrowsTheFiguresAndRefusesAnUnknownDistrict() {
        int before = dispatchedIn("海门区");
        int otherBefore = dispatchedIn("如东县");
        dispatched("海门区", "再一件");
        assertEquals(before + 1, dispatchedIn("海门区"));
        assertEquals(otherBefore, dispatchedIn("如东县"), "another district's figures do not move");
        as("coord1").queryParam("district", "火星区").when().get("/api/stats/departments").then().statusCode(400)
                .body("errors[0].field", equalTo("district"));
        as("coord1").queryParam("district", "海门区").when().get("/api/stats/hot").then().statusCode(200);

        String board = page("coord1", "?district=%E6%B5%B7%E9%97%A8%E5%8C%BA");
        assertTrue(board.contains("<option value=\"海门区\" selected>"));
        assertTrue(board.contains("red-lights.csv?from="), "the exports carry the filters");
        assertTrue(board.contains("&amp;district=%E6%B5%B7%E9%97%A8%E5%8C%BA"));
        String refused = page("coord1", "?from=2026-02-30");
        assertTrue(refused.contains("id=\"f-from\" name=\"from\" type=\"date\""));
        assertTrue(refused.contains("aria-invalid=\"true\""), "the wrong date is marked beside its field");
    }

    private static void dispatched(String district, String what) {
        long id = intake(report("HELP", "13600170021", district, district + "人民路1号",
                "人民路1号的社区医保服务点" + what + "总是关门，老人没法办理医保缴费。")).getLong("id");
        act("agent1", id, "dispatch", Map.of("lead", "medical-security"));
    }

    private static int dispatchedIn(String district) {
        return as("coord1").queryParam("district", district).when().get("/api/stats/departments").then().statusCode(200)
                .body("district", equalTo(district)).extract().jsonPath()
                .getInt("departments.find { it.department == 'medical-security' }.dispatched");
    }

    @Test
    void theRedLightExportsCarryTheFiltersNeutraliseFormulasAndNoCallerNumbers() throws IOException {
        String caller = "13600170031";
        long id = intake(report("COMPLAINT", caller, "通州区", "通州区金沙街道新金路9号",
                "=HYPERLINK(\"http://evil\") 新金路9号工地夜间施工噪音扰民，联系13900001111")).getLong("id");
        act("agent1", id, "dispatch", Map.of("lead", "housing-construction"));
        assertTrue(scan.scan(ScanTimes.next(Duration.ofDays(40))).ran());
        String number = as("coord1").when().get("/api/tickets/" + id).then().extract().jsonPath().getString("number");

        byte[] csv = as("coord1").queryParam("district", "通州区").when().get("/api/stats/exports/red-lights.csv").then()
                .statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"red-lights-"))
                .extract().asByteArray();
        assertEquals(0xEF, csv[0] & 0xFF, "UTF-8 BOM");
        String text = new String(csv, StandardCharsets.UTF_8);
        List<String[]> rows = parseCsv(text.substring(1));
        assertEquals("工单编号", rows.get(0)[0]);
        String[] row = rows.stream().filter(r -> r[0].equals(number)).findFirst().orElseThrow();
        assertEquals("市住房和城乡建设局", row[1]);
        assertTrue(row[4].startsWith("'=HYPERLINK"), row[4]);
        assertTrue(row[4].contains("139****1111"), row[4]);
        assertFalse(text.contains(caller) || text.contains("13900001111"), "no caller numbers in the export");
        assertTrue(rows.stream().skip(1).allMatch(r -> r[3].equals("通州区")), "only the filtered district");

        byte[] other = as("coord1").queryParam("district", "启东市").when().get("/api/stats/exports/red-lights.csv")
                .then().statusCode(200).extract().asByteArray();
        assertFalse(new String(other, StandardCharsets.UTF_8).contains(number));

        byte[] xlsx = as("admin").queryParam("district", "通州区").when().get("/api/stats/exports/red-lights.xlsx").then()
                .statusCode(200).contentType(containsString("spreadsheetml")).extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            Row found = null;
            for (Row r : sheet) {
                String all = r.getCell(0).getStringCellValue();
                found = all.equals(number) ? r : found;
                for (var cell : r) {
                    String v = cell.toString();
                    assertFalse(v.contains(caller) || v.contains("13900001111"), v);
                }
            }
            assertTrue(found != null, "the red ticket is in the workbook");
            assertTrue(found.getCell(4).getStringCellValue().startsWith("=HYPERLINK"), "kept as text in a string cell");
        }
    }

    @Test
    void theDepartmentFiguresExportMatchesTheApi() throws IOException {
        JsonPath api = as("coord1").when().get("/api/stats/departments").then().statusCode(200).extract().jsonPath();
        List<String[]> rows = parseCsv(new String(as("coord1").when().get("/api/stats/exports/departments.csv").then()
                .statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8).substring(1));
        assertEquals(List.of("承办单位", "派单数", "响应率", "解决率", "满意率"), Arrays.asList(rows.get(0)).subList(0, 5));
        assertEquals(api.getList("departments").size() + 1, rows.size());
        for (int i = 0; i < api.getList("departments").size(); i++) {
            assertEquals(api.getString("departments[" + i + "].departmentName"), rows.get(i + 1)[0]);
            assertEquals(api.getString("departments[" + i + "].dispatched"), rows.get(i + 1)[1]);
        }
        byte[] xlsx = as("coord1").when().get("/api/stats/exports/departments.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(rows.size(), sheet.getPhysicalNumberOfRows());
            assertEquals(api.getDouble("departments[0].dispatched"), sheet.getRow(1).getCell(1).getNumericCellValue());
        }
    }

    @Test
    void onlyTheCoordinationCenterAndAdministratorsExport() {
        for (String user : new String[] {"agent1", "editor1", "dept-water"}) {
            as(user).when().get("/api/stats/exports/departments.csv").then().statusCode(403);
            as(user).when().get("/api/stats/exports/red-lights.xlsx").then().statusCode(403);
        }
        as("coord1").when().get("/api/stats/exports/departments.pdf").then().statusCode(404);
        as("coord1").when().get("/api/stats/exports/callers.csv").then().statusCode(404);
        as("coord1").when().get("/api/stats/exports/departments.csv?from=2026-05-02&to=2026-05-01").then()
                .statusCode(400).body("errors[0].field", equalTo("to"));
        io.restassured.RestAssured.given().when().get("/api/stats/exports/departments.csv").then().statusCode(401);
    }

    /** RFC 4180 as the exports write it: quoted cells may hold commas, doubled quotes and line breaks. */
    private static List<String[]> parseCsv(String text) {
        List<String[]> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(cells.toArray(String[]::new));
                cells.clear();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }
}
