package cn.nantong.hotline.web;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.identity.Role;
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
 * The administrator's console: accounts and department membership, routing rules, reply limits and the holiday
 * calendar, the audit log. Rendered once with the choices its forms offer; {@code /assets/admin-console.js}
 * does the rest over the JSON API with the session cookie.
 */
@Path("/console/admin")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class AdminConsolePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance admin(ConsoleViews.Frame frame, ConsoleViews.AdminDesk desk);
    }

    private final ConsoleFrames frames;
    private final Directory directory;

    AdminConsolePage(ConsoleFrames frames, Directory directory) {
        this.frames = frames;
        this.directory = directory;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance desk() {
        var roles = Arrays.stream(Role.values()).map(r -> new ConsoleViews.TypeOption(r.name(), ConsoleNav.label(r))).toList();
        var types = Arrays.stream(TicketType.values()).map(t -> new ConsoleViews.TypeOption(t.name(), t.label())).toList();
        return Templates.admin(frames.frame(ConsoleNav.title(Role.ADMIN), ConsoleNav.home(Role.ADMIN)),
                new ConsoleViews.AdminDesk(roles, directory.departments(), types));
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
