package cn.nantong.hotline.sla;

import cn.nantong.hotline.common.SettingsVersions;
import cn.nantong.hotline.support.Tickets;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static cn.nantong.hotline.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The holiday calendar and reply limits as administrators edit them, and their effect on new deadlines. */
@QuarkusTest
class SlaAdminApiTest {

    private static final String CALENDAR = "/api/admin/calendar";
    private static final String LIMITS = "/api/admin/time-limits";

    @Inject
    SlaSettings settings;

    @Test
    void onlyAdministratorsSeeOrChangeTheCalendarAndLimits() {
        for (String user : List.of("agent1", "coord1", "dept-water")) {
            as(user).when().get(CALENDAR).then().statusCode(403);
            as(user).contentType(ContentType.JSON).body(Map.of("date", "2030-05-06", "kind", "HOLIDAY", "name", "x"))
                    .when().post(CALENDAR).then().statusCode(403);
            as(user).when().get(LIMITS).then().statusCode(403);
            as(user).contentType(ContentType.JSON).body(Map.of("workingDays", 3)).when().put(LIMITS + "/COMPLAINT")
                    .then().statusCode(403);
        }
    }

    @Test
    void dayAndLimitInputIsChecked() {
        addDay(Map.of("date", "2030-13-01", "kind", "HOLIDAY", "name", "x")).statusCode(400)
                .body("errors.field", equalTo(List.of("date")));
        addDay(Map.of("date", "1999-05-06", "kind", "HOLIDAY", "name", "x")).statusCode(400)
                .body("errors.field", equalTo(List.of("date")));
        addDay(Map.of("date", "2030-05-06", "kind", "HOLIDAY", "name", " ")).statusCode(400)
                .body("errors.field", equalTo(List.of("name")));
        addDay(Map.of("date", "2030-05-06", "kind", "DAY_OFF", "name", "x")).statusCode(400)
                .body("errors.field", equalTo(List.of("kind")));
        // 2030-05-07 is a Tuesday that no calendar lists: it is a working day already.
        addDay(Map.of("date", "2030-05-07", "kind", "WORKDAY", "name", "调休")).statusCode(400)
                .body("errors.field", equalTo(List.of("kind")));
        addDay(Map.of("date", "2030-05-11", "kind", "WORKDAY", "name", "劳动节调休上班")).statusCode(201)
                .body("source", equalTo("ADMIN"));
        addDay(Map.of("date", "2030-05-11", "kind", "HOLIDAY", "name", "again")).statusCode(409)
                .body("errors.field", equalTo(List.of("date")));
        as("admin").when().get(CALENDAR + "?year=2030").then().statusCode(200)
                .body("days.find { it.date == '2030-05-11' }.kind", equalTo("WORKDAY"));
        as("admin").when().delete(CALENDAR + "/2030-05-11").then().statusCode(204);
        as("admin").when().delete(CALENDAR + "/2030-05-11").then().statusCode(404);
        as("admin").when().delete(CALENDAR + "/not-a-date").then().statusCode(400);
        as("admin").when().get(CALENDAR + "?year=abc").then().statusCode(400).body("errors.field", equalTo(List.of("year")));

        for (Object bad : new Object[] {0, -2, 61}) {
            as("admin").contentType(ContentType.JSON).body(Map.of("workingDays", bad)).when().put(LIMITS + "/REPORT")
                    .then().statusCode(400).body("errors.field", equalTo(List.of("workingDays")));
        }
        as("admin").contentType(ContentType.JSON).body(Map.of("workingDays", 3)).when().put(LIMITS + "/PARKING")
                .then().statusCode(404);
        as("admin").when().delete(LIMITS + "/SUGGESTION").then().statusCode(404);
    }

    @Test
    void aNewHolidayMovesANewTicketsDueTimeButNotAnExistingOne() {
        long first = dispatchedComplaint("13700110001");
        Instant firstDue = replyDue(first);
        LocalDate dueDay = local(firstDue);
        addDay(Map.of("date", dueDay.toString(), "kind", "HOLIDAY", "name", "测试假日")).statusCode(201);
        try {
            as("admin").when().get(CALENDAR + "?year=" + dueDay.getYear()).then().statusCode(200)
                    .body("days.find { it.date == '" + dueDay + "' }.source", equalTo("ADMIN"))
                    .body("days.find { it.date == '" + dueDay + "' }.updatedBy", equalTo("admin"));
            long second = dispatchedComplaint("13700110002");
            assertTrue(local(replyDue(second)).isAfter(dueDay), "the holiday pushed the new deadline past " + dueDay);
            assertEquals(firstDue, replyDue(first), "existing deadlines are not recomputed");
            as("admin").when().get("/api/audit?action=calendar.add&size=500").then()
                    .body("items.target", hasItem(dueDay.toString()));
        } finally {
            as("admin").when().delete(CALENDAR + "/" + dueDay).then().statusCode(204);
        }
        long third = dispatchedComplaint("13700110003");
        assertEquals(dueDay, local(replyDue(third)), "removing the holiday restores the deadline");
    }

    @Test
    void aReplyLimitOverrideAppliesToNewTicketsUntilReset() {
        as("admin").when().get(LIMITS).then().statusCode(200)
                .body("find { it.type == 'COMPLAINT' }.configured", equalTo("5个工作日"))
                .body("find { it.type == 'HELP' }.urgent", equalTo("24小时"));
        Instant before = replyDue(dispatchedComplaint("13700110011"));
        as("admin").contentType(ContentType.JSON).body(Map.of("workingDays", 8)).when().put(LIMITS + "/COMPLAINT")
                .then().statusCode(200).body("effective", equalTo("8个工作日")).body("overrideWorkingDays", equalTo(8));
        try {
            Instant longer = replyDue(dispatchedComplaint("13700110012"));
            assertTrue(local(longer).isAfter(local(before).plusDays(2)), before + " → " + longer);
        } finally {
            as("admin").when().delete(LIMITS + "/COMPLAINT").then().statusCode(204);
        }
        as("admin").when().get(LIMITS).then().body("find { it.type == 'COMPLAINT' }.effective", equalTo("5个工作日"))
                .body("find { it.type == 'COMPLAINT' }.overrideWorkingDays", equalTo(null));
        as("admin").when().get("/api/audit?action=time-limit.set&size=500").then()
                .body("items.note", hasItem("投诉 答复时限 8 个工作日"));
    }

    @Test
    void aChangeMadeOnAnotherInstanceAppliesAfterTheNextPoll() {
        LocalDate day = LocalDate.of(2031, 3, 3);
        assertEquals(DayOfWeek.MONDAY, day.getDayOfWeek());
        settings.reload();
        QuarkusTransaction.requiringNew().run(() -> {
            Panache.getEntityManager().createNativeQuery("insert into sla_special_day (day, kind, name, updated_by, updated_at)"
                    + " values (?1, 'HOLIDAY', '别处添加', 'admin', now())").setParameter(1, day).executeUpdate();
            SettingsVersions.bump(SettingsVersions.SLA);
        });
        try {
            assertTrue(settings.rules().calendar().isWorkingDay(day), "not yet seen here");
            settings.pollForChanges();
            assertTrue(!settings.rules().calendar().isWorkingDay(day), "seen after the poll");
            as("admin").when().get(CALENDAR + "?year=2031").then().body("days.date", hasItem("2031-03-03"));
        } finally {
            as("admin").when().delete(CALENDAR + "/2031-03-03").then().statusCode(204);
        }
        as("admin").when().get(CALENDAR + "?year=2031").then().body("days.date", not(hasItem("2031-03-03")));
    }

    private static io.restassured.response.ValidatableResponse addDay(Map<String, Object> body) {
        return as("admin").contentType(ContentType.JSON).body(body).when().post(CALENDAR).then();
    }

    private static long dispatchedComplaint(String phone) {
        long id = Tickets.intake(Tickets.report("COMPLAINT", phone, "崇川区", "崇川区工农路 9 号",
                "小区门口的路灯坏了一个月没人修。")).getLong("id");
        as("agent1").contentType(ContentType.JSON).body(Map.of("lead", "urban-management")).when()
                .post("/api/tickets/" + id + "/dispatch").then().statusCode(200);
        return id;
    }

    private static Instant replyDue(long id) {
        return Instant.parse(as("admin").when().get("/api/tickets/" + id).then().statusCode(200)
                .extract().path("assignments[0].replyDueAt"));
    }

    private static LocalDate local(Instant instant) {
        return LocalDate.ofInstant(instant, WorkingCalendar.CITY_ZONE);
    }
}
