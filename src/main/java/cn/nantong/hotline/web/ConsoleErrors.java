package cn.nantong.hotline.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** The consoles' refusals as pages a person can read, never the API's problem+json. */
final class ConsoleErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(ConsoleViews.Frame frame, String message, String home);
    }

    private ConsoleErrors() {
    }

    /** A signed-in person opened a console of another role. */
    static Response forbidden(ConsoleFrames frames) {
        String html = Templates.refused(frames.refusalFrame("无权访问"),
                "您的账号（" + ConsoleNav.label(frames.role()) + "）无权使用此页面。如需开通，请联系系统管理员。",
                ConsoleNav.home(frames.role())).render();
        return Response.status(403).type(ErrorPage.HTML).entity(html).build();
    }

    /** No session (or an expired one) reached a console resource: back to the login page. */
    static Response signIn() {
        return Response.seeOther(URI.create("/login")).build();
    }
}
