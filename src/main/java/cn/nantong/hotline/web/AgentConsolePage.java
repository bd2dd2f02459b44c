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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;

/**
 * The agent's desk for a live call: 热线百科 search, the caller's history, intake with live repeat candidates
 * and one-click dispatch. The page is rendered once; the script {@code /assets/agent-console.js} talks to
 * the JSON API with the session cookie.
 */
@Path("/console/agent")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class AgentConsolePage {

    private static final String RECENT = "8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance agent(ConsoleViews.Frame frame, ConsoleViews.AgentDesk desk);
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
        var recent = tickets.list(new TicketQueries.Filter(null, null, null, null, null, null, null, null, null, RECENT),
                new Access(user.username(), user.role(), user.department())).items();
        return Templates.agent(frames.frame(ConsoleNav.title(Role.AGENT), ConsoleNav.home(Role.AGENT)),
                new ConsoleViews.AgentDesk(types, directory.districts(), directory.departments(), recent));
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
