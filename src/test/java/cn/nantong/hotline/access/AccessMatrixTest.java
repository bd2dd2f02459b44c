package cn.nantong.hotline.access;

import cn.nantong.hotline.access.Endpoints.Endpoint;
import cn.nantong.hotline.access.Endpoints.Kind;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.web.ConsoleNav;
import cn.nantong.hotline.web.ConsoleSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.nantong.hotline.identity.Role.ADMIN;
import static cn.nantong.hotline.identity.Role.AGENT;
import static cn.nantong.hotline.identity.Role.COORDINATOR;
import static cn.nantong.hotline.identity.Role.DEPARTMENT;
import static cn.nantong.hotline.identity.Role.KB_EDITOR;
import static cn.nantong.hotline.support.Api.as;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every role (and anonymous) against every endpoint the application has, found by reflection: the roles a rule
 * leaves out are refused, the others get through. Then a department user of another department against every
 * path that takes an id, with the ids of one department's ticket, supervision case and reply flag.
 * docs/security.md describes the model this test holds the application to.
 */
@QuarkusTest
class AccessMatrixTest {

    /** The department the fixtures belong to, the department that must not reach them, a second bouncer. */
    private static final String OWN = "taxation";
    private static final String OTHER = "housing-fund";
    private static final String THIRD = "medical-security";
    private static final String KB_ENTRY = "fx-driving-licence-renewal";
    private static final String KB_CATEGORY = "车驾管";

    /** Reachable without an account. Health and metrics are outside JAX-RS and checked on their own. */
    static final Set<String> PUBLIC = Set.of(
            "GET /", "GET /categories/{name}", "GET /search", "GET /entries/{id}", "GET /login", "POST /logout",
            "GET /api/kb/search", "GET /api/kb/suggest", "GET /api/kb/categories",
            "GET /api/kb/categories/{name}/entries", "GET /api/kb/entries/{id}");

    /**
     * Reached only with a session of the external OpenID Connect provider (its code flow), which is off in this
     * suite: every channel here is refused. ProviderSignInTest signs in through it with the provider on.
     */
    static final Set<String> PROVIDER_SIGN_IN = Set.of("GET /login/oidc");

    private static final Set<Role> TICKET_READERS = EnumSet.of(AGENT, DEPARTMENT, COORDINATOR, ADMIN);
    private static final Set<Role> EDITORS = EnumSet.of(KB_EDITOR, ADMIN);

    /**
     * Written out for the sensitive endpoints and compared with their annotations, so that widening one is a
     * deliberate change here too. Endpoints not listed (such as new console pages) follow their annotations.
     */
    static final Map<String, Set<Role>> EXPECTED = Map.ofEntries(
            entry("POST /api/tickets", EnumSet.of(AGENT, ADMIN)),
            entry("POST /api/tickets/import", EnumSet.of(ADMIN)),
            entry("GET /api/tickets", TICKET_READERS),
            entry("GET /api/tickets/{id}", TICKET_READERS),
            entry("POST /api/tickets/{id}/reveal-phone", TICKET_READERS),
            entry("POST /api/tickets/{id}/dispatch", EnumSet.of(AGENT, COORDINATOR, ADMIN)),
            entry("POST /api/tickets/{id}/accept", EnumSet.of(DEPARTMENT)),
            entry("POST /api/tickets/{id}/return", EnumSet.of(DEPARTMENT)),
            entry("POST /api/tickets/{id}/reply", EnumSet.of(DEPARTMENT)),
            entry("POST /api/tickets/{id}/await-caller", EnumSet.of(DEPARTMENT)),
            entry("POST /api/tickets/{id}/extension", EnumSet.of(DEPARTMENT)),
            entry("POST /api/tickets/{id}/extension-decision", EnumSet.of(COORDINATOR)),
            entry("POST /api/tickets/{id}/caller-info", EnumSet.of(AGENT, ADMIN)),
            entry("POST /api/tickets/{id}/callback", EnumSet.of(AGENT, ADMIN)),
            entry("POST /api/callers/tickets", EnumSet.of(AGENT, COORDINATOR, ADMIN)),
            entry("GET /api/supervision/cases", EnumSet.of(COORDINATOR, ADMIN)),
            entry("GET /api/supervision/cases/{id}", EnumSet.of(DEPARTMENT, COORDINATOR, ADMIN)),
            entry("GET /api/supervision/notices", EnumSet.of(DEPARTMENT)),
            entry("POST /api/supervision/cases/{id}/assign", EnumSet.of(COORDINATOR)),
            entry("POST /api/supervision/cases/{id}/notice", EnumSet.of(COORDINATOR)),
            entry("POST /api/supervision/cases/{id}/notes", EnumSet.of(COORDINATOR)),
            entry("POST /api/supervision/cases/{id}/responses", EnumSet.of(DEPARTMENT)),
            entry("POST /api/supervision/cases/{id}/resolve", EnumSet.of(COORDINATOR)),
            entry("POST /api/supervision/cases/{id}/close", EnumSet.of(COORDINATOR)),
            entry("GET /api/supervision/reply-flags", EnumSet.of(COORDINATOR, ADMIN)),
            entry("POST /api/supervision/reply-flags/{id}/accept", EnumSet.of(COORDINATOR)),
            entry("POST /api/supervision/reply-flags/{id}/send-back", EnumSet.of(COORDINATOR)),
            entry("GET /api/repeat/clusters/{id}", EnumSet.of(AGENT, COORDINATOR, ADMIN)),
            entry("POST /api/repeat/clusters/{id}/merge", EnumSet.of(COORDINATOR)),
            entry("POST /api/repeat/tickets/{ticketId}/split", EnumSet.of(COORDINATOR)),
            entry("GET /api/stats/hot", EnumSet.of(COORDINATOR, ADMIN)),
            entry("GET /api/stats/departments", EnumSet.of(COORDINATOR, ADMIN)),
            entry("GET /api/audit", EnumSet.of(ADMIN)),
            entry("GET /api/routing/rules", EnumSet.of(ADMIN)),
            entry("PUT /api/routing/rules", EnumSet.of(ADMIN)),
            entry("POST /api/kb/entries", EDITORS),
            entry("PUT /api/kb/entries/{id}", EDITORS),
            entry("POST /api/kb/entries/{id}/retire", EDITORS),
            entry("GET /api/kb/entries/{id}/versions", EDITORS),
            entry("GET /api/kb/entries/{id}/versions/{version}", EDITORS),
            entry("GET /api/kb/gaps", EDITORS),
            entry("GET /api/kb/drafts", EDITORS),
            entry("POST /api/kb/drafts/{id}/decision", EDITORS),
            entry("POST /api/kb/feedback", EnumSet.of(AGENT, KB_EDITOR, ADMIN)),
            entry("GET /console/agent", EnumSet.of(AGENT, ADMIN)),
            entry("GET /console/admin", EnumSet.of(ADMIN)));

    /** Bodies that pass validation, so that a department's request reaches the scoping check behind it. */
    private static final Map<String, String> VALID_BODIES = Map.ofEntries(
            entry("POST /api/tickets/{id}/dispatch", "{\"lead\":\"" + OTHER + "\"}"),
            entry("POST /api/tickets/{id}/return", "{\"reason\":\"不属于本单位职责\"}"),
            entry("POST /api/tickets/{id}/reply", "{\"text\":\"经核查已于3月5日上门处理完毕。\",\"outcome\":\"RESOLVED\"}"),
            entry("POST /api/tickets/{id}/await-caller", "{\"reason\":\"请来电人补充具体地址\"}"),
            entry("POST /api/tickets/{id}/extension", "{\"workingDays\":1,\"reason\":\"需要现场核查\"}"),
            entry("POST /api/tickets/{id}/extension-decision", "{\"department\":\"" + OWN + "\",\"approve\":true}"),
            entry("POST /api/tickets/{id}/caller-info", "{\"note\":\"来电人补充了门牌号\"}"),
            entry("POST /api/tickets/{id}/callback", "{\"satisfaction\":\"SATISFIED\",\"resolved\":true}"),
            entry("POST /api/supervision/cases/{id}/assign",
                    "{\"lead\":\"" + OTHER + "\",\"deadline\":\"" + LocalDate.now().plusDays(30) + "\"}"),
            entry("POST /api/supervision/cases/{id}/notice", "{\"text\":\"请按期办结\"}"),
            entry("POST /api/supervision/cases/{id}/notes", "{\"text\":\"电话督促\"}"),
            entry("POST /api/supervision/cases/{id}/responses", "{\"text\":\"本单位已派员处理\"}"),
            entry("POST /api/supervision/reply-flags/{id}/send-back", "{\"reason\":\"请说明处理结果\"}"),
            entry("POST /api/kb/drafts/{id}/decision", "{\"status\":\"DISMISSED\"}"));

    enum Principal {
        ANONYMOUS(null, null), AGENT("agent1", Role.AGENT), DEPARTMENT("dept-" + OWN, Role.DEPARTMENT),
        COORDINATOR("coord1", Role.COORDINATOR), KB_EDITOR("editor1", Role.KB_EDITOR), ADMIN("admin", Role.ADMIN),
        OTHER_DEPARTMENT("dept-" + OTHER, Role.DEPARTMENT);

        final String username;
        final Role role;

        Principal(String username, Role role) {
            this.username = username;
            this.role = role;
        }
    }

    private static final List<Principal> MATRIX = List.of(Principal.ANONYMOUS, Principal.AGENT, Principal.DEPARTMENT,
            Principal.COORDINATOR, Principal.KB_EDITOR, Principal.ADMIN);

    /** How a signed-in user calls: an API client with Basic, or a console page with its session and CSRF token. */
    enum Channel { NONE, BASIC, SESSION }

    /** One department's matter: a ticket with a flagged reply, and a ticket bounced into a supervision case. */
    record Fixture(long ticketId, String number, String phone, long flagId, long clusterId, long caseTicketId,
                   String caseTicketNumber, long caseId) {
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final List<Endpoint> ENDPOINTS = Endpoints.discover();
    private final Map<Principal, ConsoleSession> sessions = new EnumMap<>(Principal.class);

    @Test
    void everyEndpointHasARuleOrIsListedAsPublic() {
        assertTrue(ENDPOINTS.size() > 50, "discovery found only " + ENDPOINTS);
        List<String> problems = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        for (Endpoint e : ENDPOINTS) {
            keys.add(e.key());
            Kind kind = e.rule().kind();
            if (kind == Kind.UNANNOTATED) {
                problems.add(e + ": no @RolesAllowed, @Authenticated or @PermitAll");
            }
            if (kind == Kind.PUBLIC && !PUBLIC.contains(e.key())) {
                problems.add(e + ": @PermitAll but not in the PUBLIC list");
            }
            if (PUBLIC.contains(e.key()) && kind != Kind.PUBLIC) {
                problems.add(e + ": listed as public but annotated " + kind);
            }
            Set<Role> expected = EXPECTED.get(e.key());
            if (expected != null && !expected.equals(e.rule().allowed())) {
                problems.add(e + ": annotations allow " + e.rule().allowed() + ", the table " + expected);
            }
        }
        for (String listed : union(PUBLIC, EXPECTED.keySet())) {
            if (!keys.contains(listed)) {
                problems.add(listed + ": listed here, but no such endpoint exists");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyRoleIsRefusedExactlyWhereTheRulesSay() {
        Fixture f = fixture(1);
        String rules = as("admin").when().get("/api/routing/rules").then().statusCode(200).extract().asString();
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Endpoint e : ENDPOINTS) {
            Set<Role> allowed = EXPECTED.getOrDefault(e.key(), e.rule().allowed());
            String path = resolve(e, f);
            // Syntactically valid and mostly failing validation: allowed callers get a 400, not a change.
            // The routing rules are written back as they are, since an empty list would replace them all.
            String body = e.key().equals("PUT /api/routing/rules") ? rules : switch (e.body()) {
                case NONE -> null;
                case OBJECT -> "{}";
                case LIST -> "[]";
            };
            for (Principal who : MATRIX) {
                // A public POST (logout) also needs the CSRF token of a console page, which anonymous callers lack.
                boolean mayCall = !PROVIDER_SIGN_IN.contains(e.key()) && (who == Principal.ANONYMOUS
                        ? e.anonymousAllowed() && e.method().equals("GET") : allowed.contains(who.role));
                Channel channel = matrixChannel(e, who);
                Response r = call(who, channel, e, path, body);
                calls++;
                if (refused(r) == mayCall) {
                    failures.add(who + " via " + channel + " " + e.method() + " " + path + " -> " + r.statusCode()
                            + (mayCall ? " (should pass)" : " (should be refused)"));
                }
            }
        }
        RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        System.out.printf("Access matrix: %d principals (%d roles + anonymous) x %d endpoints = %d calls%n",
                MATRIX.size(), Role.values().length, ENDPOINTS.size(), calls);
        assertEquals(List.of(), failures);
    }

    @Test
    void aDepartmentReachesNothingOfAnotherDepartmentsMatters() {
        Fixture f = fixture(2);
        // The owning department does see them, so the absence below means something.
        String own = as("dept-" + OWN).when().get("/api/tickets?q=" + f.number()).then().statusCode(200)
                .extract().asString();
        assertTrue(own.contains(f.number()), own);
        assertTrue(as("dept-" + OWN).when().get("/api/supervision/notices").then().statusCode(200)
                .extract().jsonPath().getList("id", Long.class).contains(f.caseId()));

        List<String> failures = new ArrayList<>();
        int scoped = 0;
        for (Endpoint e : ENDPOINTS) {
            if (!e.hasPathParameters() || PUBLIC.contains(e.key())) {
                continue;
            }
            String body = VALID_BODIES.getOrDefault(e.key(), e.body() == Endpoints.Body.NONE ? null : "{}");
            for (Channel channel : everyChannel(e)) {
                Response r = call(Principal.OTHER_DEPARTMENT, channel, e, resolve(e, f), body);
                scoped++;
                if (r.statusCode() != 403 && r.statusCode() != 404) {
                    failures.add(channel + " " + e.method() + " " + resolve(e, f) + " -> " + r.statusCode()
                            + (r.statusCode() == 400 ? " (add a valid body to VALID_BODIES)" : "") + " " + r.asString());
                }
            }
        }
        int searched = 0;
        for (Endpoint e : ENDPOINTS) {
            if (e.hasPathParameters() || !e.method().equals("GET")) {
                continue;
            }
            // Public pages echo a search back, so they are asked without one: they hold no ticket data either way.
            List<String> queries = PUBLIC.contains(e.key()) ? List.of("")
                    : List.of("", "?q=" + f.number(), "?ticket=" + f.caseTicketId());
            for (String query : queries) {
                for (Channel channel : everyChannel(e)) {
                    Response r = call(Principal.OTHER_DEPARTMENT, channel, e, e.path() + query, null);
                    searched++;
                    String answer = r.asString();
                    if (answer.contains(f.number()) || answer.contains(f.caseTicketNumber())) {
                        failures.add(channel + " GET " + e.path() + query + " shows " + OWN + "'s ticket number");
                    }
                }
            }
        }
        System.out.printf("Department scoping: %d calls with another department's ids, %d list/search calls "
                + "checked for its ticket numbers%n", scoped, searched);
        assertEquals(List.of(), failures);
    }

    /** API clients use Basic, pages the session. */
    private static Channel matrixChannel(Endpoint e, Principal who) {
        if (who == Principal.ANONYMOUS) {
            return Channel.NONE;
        }
        return e.isApi() ? Channel.BASIC : Channel.SESSION;
    }

    /** The scoping checks also call the API as the consoles do, with the session and its CSRF token. */
    private static List<Channel> everyChannel(Endpoint e) {
        return e.isApi() ? List.of(Channel.BASIC, Channel.SESSION) : List.of(Channel.SESSION);
    }

    private Response call(Principal who, Channel channel, Endpoint e, String path, String body) {
        RequestSpecification request = switch (channel) {
            case NONE -> RestAssured.given();
            case BASIC -> as(who.username);
            case SESSION -> session(who).withToken();
        };
        request = request.redirects().follow(false);
        if (e.form()) {
            request = request.contentType(ContentType.URLENC);
        } else if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().request(e.method(), path);
    }

    private ConsoleSession session(Principal who) {
        return sessions.computeIfAbsent(who, p -> ConsoleSession.login(p.username, ConsoleNav.home(p.role)));
    }

    /** 401 or 403, or the console's redirect of a missing session to the login page. */
    private static boolean refused(Response r) {
        int s = r.statusCode();
        String location = r.header("Location");
        return s == 401 || s == 403 || s >= 300 && s < 400 && location != null && location.endsWith("/login");
    }

    private static String resolve(Endpoint e, Fixture f) {
        Matcher m = PARAMETER.matcher(e.path());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(value(m.group(1), e.path(), f)));
        }
        return m.appendTail(path).toString();
    }

    /** The fixture id a path parameter names; an unknown one is taken as a ticket id, the commonest scope. */
    private static String value(String parameter, String path, Fixture f) {
        if (parameter.equals("phone")) {
            return f.phone();
        }
        if (parameter.equals("name")) {
            return KB_CATEGORY;
        }
        if (parameter.equals("version")) {
            return "1";
        }
        if (path.contains("/drafts/")) {
            return "1";
        }
        if (path.startsWith("/entries/") || path.contains("/kb/entries/")) {
            return KB_ENTRY;
        }
        if (path.contains("reply-flags")) {
            return String.valueOf(f.flagId());
        }
        if (path.contains("/cases/")) {
            return String.valueOf(f.caseId());
        }
        if (path.contains("/clusters/")) {
            return String.valueOf(f.clusterId());
        }
        return String.valueOf(f.ticketId());
    }

    /** Two tickets of department OWN: one with a template reply (flagged), one bounced into a case noticed to OWN. */
    private static Fixture fixture(int n) {
        String phone = "1398800" + (7100 + n);
        JsonPath ticket = intake(phone, "启东市汇龙镇江海中路" + (300 + n) + "号", "江海中路" + (300 + n)
                + "号门面开票时税务系统一直显示繁忙，跑了三次都没办成。");
        long id = ticket.getLong("id");
        post("agent1", "/api/tickets/" + id + "/dispatch", "{\"lead\":\"" + OWN + "\"}");
        post("dept-" + OWN, "/api/tickets/" + id + "/accept", null);
        post("dept-" + OWN, "/api/tickets/" + id + "/reply", "{\"text\":\"您反映的问题已收悉，我局高度重视，已转相关部门处理，"
                + "感谢您对税务工作的关心和支持。\",\"outcome\":\"RESOLVED\"}");
        long flag = flagOf(id);
        Long cluster = as("agent1").when().get("/api/tickets/" + id).then().statusCode(200).extract().jsonPath()
                .getObject("clusterId", Long.class);

        JsonPath bounced = intake("1398800" + (7200 + n), "启东市吕四港镇渔港路" + (40 + n) + "号",
                "渔港路" + (40 + n) + "号医保报销材料被两个窗口互相推，说不归自己管。");
        long bouncedId = bounced.getLong("id");
        post("agent1", "/api/tickets/" + bouncedId + "/dispatch", "{\"lead\":\"" + OWN + "\"}");
        post("dept-" + OWN, "/api/tickets/" + bouncedId + "/return", "{\"reason\":\"不属于本局职责\"}");
        post("agent1", "/api/tickets/" + bouncedId + "/dispatch", "{\"lead\":\"" + THIRD + "\"}");
        post("dept-" + THIRD, "/api/tickets/" + bouncedId + "/return", "{\"reason\":\"应由税务部门处理\"}");
        long caseId = as("coord1").when().get("/api/supervision/cases?ticket=" + bouncedId).then().statusCode(200)
                .extract().jsonPath().getLong("items[0].id");
        post("coord1", "/api/supervision/cases/" + caseId + "/assign", "{\"lead\":\"" + OWN + "\",\"deadline\":\""
                + LocalDate.now().plusDays(10) + "\"}");
        post("coord1", "/api/supervision/cases/" + caseId + "/notice", "{\"text\":\"请税务局牵头于期限内答复来电人。\"}");
        return new Fixture(id, ticket.getString("number"), phone, flag, cluster == null ? 0 : cluster, bouncedId,
                bounced.getString("number"), caseId);
    }

    private static JsonPath intake(String phone, String address, String content) {
        return as("agent1").contentType(ContentType.JSON).body(Map.of("callerPhone", phone, "type", "COMPLAINT",
                        "channel", "PHONE", "district", "启东市", "address", address, "content", content))
                .when().post("/api/tickets").then().statusCode(201).extract().jsonPath();
    }

    private static void post(String user, String path, String body) {
        RequestSpecification request = as(user);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().post(path).then().statusCode(200);
    }

    private static long flagOf(long ticketId) {
        for (int page = 0; page < 50; page++) {
            JsonPath flags = as("coord1").when().get("/api/supervision/reply-flags?status=PENDING&size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = flags.getList("items");
            for (Map<String, Object> flag : items) {
                if (((Number) flag.get("ticketId")).longValue() == ticketId) {
                    return ((Number) flag.get("id")).longValue();
                }
            }
            if (items.isEmpty()) {
                break;
            }
        }
        throw new AssertionError("the template reply to ticket " + ticketId + " was not flagged");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }
}
