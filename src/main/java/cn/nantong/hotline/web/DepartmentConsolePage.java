package cn.nantong.hotline.web;

import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.supervision.CaseQueries;
import cn.nantong.hotline.supervision.CaseViews;
import cn.nantong.hotline.ticket.Access;
import cn.nantong.hotline.ticket.InboxTab;
import cn.nantong.hotline.ticket.TicketQueries;
import cn.nantong.hotline.ticket.TicketType;
import cn.nantong.hotline.ticket.TicketViews;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The department's inbox (承办工作台): supervision notices on top, its tickets by the state of its own part, and
 * one ticket opened beside them with the forms to act on it. Lists and detail are rendered here, always for
 * the signed-in user's department; the script {@code /assets/department-console.js} sends the actions to the
 * JSON API and reloads the page.
 */
@Path("/console/department")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class DepartmentConsolePage {

    private static final String PAGE_SIZE = "20";
    /** What the page says after the script's action succeeded; anything else in {@code done=} is ignored. */
    private static final Map<String, String> DONE = Map.of("accept", "已签收，请在时限内办理并答复。",
            "return", "已退单，工单已退回派单环节。", "await-caller", "已要求来电人补充，办理时限暂停计时。",
            "extension", "延期申请已提交，等待便民服务中心审批。", "reply", "已答复，等待回访。",
            "respond", "督办反馈已提交。");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance department(ConsoleViews.Frame frame, DepartmentConsoleViews.Desk desk);

        static native TemplateInstance noDepartment(ConsoleViews.Frame frame);

        static native TemplateInstance problem(ConsoleViews.Frame frame, int status, String heading, String message);
    }

    private final ConsoleFrames frames;
    private final TicketQueries tickets;
    private final CaseQueries cases;
    private final Directory directory;
    private final CurrentUser user;

    DepartmentConsolePage(ConsoleFrames frames, TicketQueries tickets, CaseQueries cases, Directory directory,
                          CurrentUser user) {
        this.frames = frames;
        this.tickets = tickets;
        this.cases = cases;
        this.directory = directory;
        this.user = user;
    }

    @GET
    @RolesAllowed({Role.DEPARTMENT_NAME, Role.ADMIN_NAME})
    public TemplateInstance desk(@QueryParam("tab") String tab, @QueryParam("page") String page,
                                 @QueryParam("ticket") String ticket, @QueryParam("done") String done) {
        if (!user.hasRole(Role.DEPARTMENT)) {
            // An administrator belongs to no department: there is no inbox to show, nor anyone to act for.
            return Templates.noDepartment(frame());
        }
        String department = user.department();
        TicketViews.TicketView view = ticket == null ? null : tickets.detail(
                QueryParams.integer("ticket", ticket, 0, 1, Integer.MAX_VALUE),
                new Access(user.username(), user.role(), department));
        // A ticket the department may see is one it had a part in, so there is a latest part to show.
        TicketViews.AssignmentView own = view == null ? null
                : DepartmentConsoleViews.ownPart(view.assignments(), department).orElseThrow();
        DepartmentConsoleViews.DetailView detail = view == null ? null : detail(view, own);
        // Opened from an action's reload: show the tab the ticket is in now.
        InboxTab current = tab == null && own != null ? DepartmentConsoleViews.tabOf(own) : InboxTab.fromParam(tab);
        List<Long> supervised = cases.supervisedTickets(department);
        Map<InboxTab, Long> counts = tickets.inboxCounts(department, supervised);
        TicketViews.Page<TicketViews.InboxRow> rows = tickets.inbox(department, current, supervised, page, PAGE_SIZE);
        List<DepartmentConsoleViews.TabView> tabs = Arrays.stream(InboxTab.values())
                .map(t -> new DepartmentConsoleViews.TabView(t.param(), t.label(), counts.get(t), t == current)).toList();
        return Templates.department(frame(), new DepartmentConsoleViews.Desk(directory.name(department),
                cases.noticesFor(department).stream().map(c -> notice(c, department)).toList(), tabs, current.label(),
                rows.items().stream().map(r -> row(r, current, rows.page(), detail)).toList(),
                paging(current, rows), detail, done == null ? null : DONE.get(done)));
    }

    private static DepartmentConsoleViews.NoticeView notice(CaseViews.CaseView c, String department) {
        String lastResponse = c.timeline().stream()
                .filter(e -> "response".equals(e.action()) && department.equals(e.department()))
                .map(CaseViews.Event::note).reduce((a, b) -> b).orElse(null);
        return new DepartmentConsoleViews.NoticeView(c.id(), c.summary(), c.notice().text(),
                DepartmentConsoleViews.time(c.notice().issuedAt()), DepartmentConsoleViews.day(c.deadline()),
                c.overdue(), c.leadName(), department.equals(c.lead()),
                c.tickets().stream().map(CaseViews.LinkedTicket::number).toList(), lastResponse);
    }

    private static DepartmentConsoleViews.RowView row(TicketViews.InboxRow r, InboxTab tab, int page,
                                                      DepartmentConsoleViews.DetailView detail) {
        String timeLeft = r.overdue() ? "已超期" : r.timeLeft() == null ? "—"
                : (r.paused() ? "暂停计时，剩" : "剩") + r.timeLeft();
        return new DepartmentConsoleViews.RowView(r.id(), r.number(), r.type(), r.contentPreview(),
                r.district() == null ? "" : r.district(), DepartmentConsoleViews.role(r.role()),
                r.light() == null ? "NONE" : r.light(), DepartmentConsoleViews.light(r.light()), timeLeft,
                DepartmentConsoleViews.time(r.dispatchedAt()), href(tab, page) + "&ticket=" + r.id(),
                detail != null && detail.id() == r.id());
    }

    private static DepartmentConsoleViews.Paging paging(InboxTab tab, TicketViews.Page<?> rows) {
        int pages = (int) Math.max(1, (rows.total() + rows.size() - 1) / rows.size());
        return new DepartmentConsoleViews.Paging(rows.page() + 1, pages,
                rows.page() > 0 ? href(tab, rows.page() - 1) : null,
                rows.page() + 1 < pages ? href(tab, rows.page() + 1) : null);
    }

    private static String href(InboxTab tab, int page) {
        return "/console/department?tab=" + tab.param() + "&page=" + page;
    }

    private DepartmentConsoleViews.DetailView detail(TicketViews.TicketView t, TicketViews.AssignmentView own) {
        List<DepartmentConsoleViews.EventView> timeline = t.timeline().stream()
                .map(e -> new DepartmentConsoleViews.EventView(DepartmentConsoleViews.time(e.at()), e.actor(),
                        DepartmentConsoleViews.action(e.action()),
                        e.department() == null ? "" : directory.name(e.department()),
                        e.note() == null ? "" : e.note()))
                .toList();
        List<DepartmentConsoleViews.ReplyView> replies = t.assignments().stream().filter(a -> a.replyText() != null)
                .map(a -> new DepartmentConsoleViews.ReplyView(a.departmentName(), a.round(),
                        DepartmentConsoleViews.time(a.repliedAt()), DepartmentConsoleViews.outcome(a.outcome()),
                        a.replyText()))
                .toList();
        String light = DepartmentConsoleViews.partLight(own);
        return new DepartmentConsoleViews.DetailView(t.id(), t.number(), TicketType.valueOf(t.type()).label(),
                DepartmentConsoleViews.ticketStatus(t.status()), t.district() == null ? "" : t.district(),
                t.address() == null ? "" : t.address(), t.content(), t.callerPhone(), DepartmentConsoleViews.time(t.receivedAt()),
                DepartmentConsoleViews.role(own.role()), DepartmentConsoleViews.partStatus(own.status()),
                light == null ? "NONE" : light, DepartmentConsoleViews.light(light),
                DepartmentConsoleViews.time(own.acceptDueAt()), DepartmentConsoleViews.time(own.replyDueAt()),
                own.extensionRequestedDays() == null ? null
                        : own.extensionRequestedDays() + " 个工作日（" + own.extensionReason() + "），待审批",
                DepartmentConsoleViews.actions(own, t.allowedActions()), timeline, replies);
    }

    private ConsoleViews.Frame frame() {
        return frames.frame(ConsoleNav.title(Role.DEPARTMENT), ConsoleNav.home(Role.DEPARTMENT));
    }

    /** A ticket of another department, or a bad link: a page in the console, not the API's problem+json. */
    @ServerExceptionMapper
    Response problem(ProblemException e) {
        Problem p = e.toProblem(null);
        String heading = p.status() == 404 ? "没有找到该工单" : "无法打开此页面";
        String html = Templates.problem(frame(), p.status(), heading, p.detail()).render();
        return Response.status(p.status()).type(ErrorPage.HTML).entity(html).build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return ConsoleErrors.forbidden(frames);
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e) {
        return ConsoleErrors.signIn();
    }
}
