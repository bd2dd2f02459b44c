package cn.nantong.hotline.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The consoles' login page (posting to Quarkus form authentication at {@code /j_security_check}) and logout.
 * Logout is a POST with the CSRF token, so another site cannot sign an agent out in the middle of a call.
 */
@Path("/")
@PermitAll
public class LoginPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String notice);
    }

    private final String sessionCookie;

    LoginPage(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
              String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @GET
    @Path("login")
    @PublicPage
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("minutes") Integer minutes,
                                  @QueryParam("logout") String logout) {
        return Templates.login(LoginMessages.error(error, minutes), logout != null ? "您已安全退出。" : null);
    }

    @POST
    @Path("logout")
    public Response logout() {
        // Form authentication keeps no server-side session: expiring the cookie is the whole logout.
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/login?logout=1")).cookie(expired).build();
    }
}
