package cn.nantong.hotline.web;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.identity.CurrentUser;
import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.ticket.Access;
import cn.nantong.hotline.ticket.TicketQueries;
import cn.nantong.hotline.ticket.TicketType;
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

/**
 * The agent's desk for a live call: 热线百科 search, the caller's history, intake with live repeat candidates
 * and one-click dispatch; and the callback list (回访) of replied tickets waiting for the caller's verdict. The
 * pages are rendered once; the scripts {@code /assets/agent-console.js} and {@code /assets/agent-callbacks.js}
 * talk to the JSON API with the session cookie.
 */
@Path("/console/agent")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class AgentConsolePage {

    private static final int RECENT = 8;
    private static final String CALLBACKS_PER_PAGE = "10";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agent(ConsoleViews.Frame frame, ConsoleViews.AgentDesk desk,
                                             AgentConsoleViews.Tabs tabs);

        static native TemplateInstance callbacks(ConsoleViews.Frame frame, AgentConsoleViews.CallbackList list);
    }

    private final ConsoleFrames frames;
    private final Directory directory;
    private final TicketQueries tickets;
    private final CurrentUser user;

    AgentConsolePage(ConsoleFrames frames, Directory directory, TicketQueries tickets, CurrentUser user) {
        this.frames = frames;
        this.directory = directory;
        this.tickets = tickets;
        this.user = user;
    }

    @GET
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public TemplateInstance desk() {
        var types = Arrays.stream(TicketType.values()).map(t -> new ConsoleViews.TypeOption(t.name(), t.label())).toList();
        var recent = tickets.newest(RECENT).stream().map(ConsoleViews.RecentTicket::of).toList();
        long callbacks = tickets.countAwaitingCallback();
        return Templates.agent(frames.frame(ConsoleNav.title(Role.AGENT), ConsoleNav.home(Role.AGENT)),
                new ConsoleViews.AgentDesk(types, directory.districts(), directory.departments(), recent),
                new AgentConsoleViews.Tabs(false, callbacks));
    }

    /** 回访: replied tickets, the one waiting longest first; the verdict is recorded through the ticket API. */
    @GET
    @Path("callbacks")
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public TemplateInstance callbacks(@QueryParam("page") String page) {
        var due = tickets.awaitingCallback(page, CALLBACKS_PER_PAGE, access());
        return Templates.callbacks(frames.frame("回访 · " + ConsoleNav.title(Role.AGENT), ConsoleNav.home(Role.AGENT)),
                AgentConsoleViews.CallbackList.of(due));
    }

    private Access access() {
        return new Access(user.username(), user.role(), user.department());
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
