package cn.nantong.hotline.web;

import cn.nantong.hotline.identity.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;
import java.util.List;

/**
 * {@code /console} sends each role to its own console; the consoles of roles other than the agent's and the
 * coordinator's are placeholders inside the shared frame for now. Every path checks the role on the server.
 */
@Path("/console")
@ConsolePage
@Produces(MediaType.TEXT_HTML)
public class ConsolePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance placeholder(ConsoleViews.Frame frame, ConsoleViews.Placeholder page);
    }

    private final ConsoleFrames frames;

    ConsolePages(ConsoleFrames frames) {
        this.frames = frames;
    }

    @GET
    @Authenticated
    public Response entry() {
        return Response.seeOther(URI.create(ConsoleNav.home(frames.role()))).build();
    }

    @GET
    @Path("editor")
    @RolesAllowed({Role.KB_EDITOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance editor() {
        return placeholder(Role.KB_EDITOR, List.of("条目的新增、修改与下线", "过期条目与知识缺口", "承办单位答复转成的草稿"));
    }

    private TemplateInstance placeholder(Role console, List<String> coming) {
        String title = ConsoleNav.title(console);
        return Templates.placeholder(frames.frame(title, ConsoleNav.home(console)),
                new ConsoleViews.Placeholder(title + "正在建设中", coming));
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
