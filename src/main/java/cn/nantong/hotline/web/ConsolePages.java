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
 * {@code /console} sends each role to its own console; the consoles of other roles than the agent's are
 * placeholders inside the shared frame for now. Every path checks the role on the server.
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
    @Path("department")
    @RolesAllowed({Role.DEPARTMENT_NAME, Role.ADMIN_NAME})
    public TemplateInstance department() {
        return placeholder(Role.DEPARTMENT, List.of("待签收、待答复的工单，红黄灯提醒", "签收、退单、答复与延期申请",
                "督办单和需要补充答复的事项"));
    }

    @GET
    @Path("coordinator")
    @RolesAllowed({Role.COORDINATOR_NAME, Role.ADMIN_NAME})
    public TemplateInstance coordinator() {
        return placeholder(Role.COORDINATOR, List.of("督办件列表：触发原因、牵头单位、期限", "重复件簇的合并与拆分",
                "模板化答复审核与热点诉求"));
    }

    @GET
    @Path("admin")
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance admin() {
        return placeholder(Role.ADMIN, List.of("账号与角色管理", "派单规则维护", "历史工单导入与运行状况"));
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
