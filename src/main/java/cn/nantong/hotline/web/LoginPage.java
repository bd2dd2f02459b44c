package cn.nantong.hotline.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The consoles' login page (posting to Quarkus form authentication at {@code /j_security_check}, and offering the
 * external provider's sign-in when it is on) and logout. Logout is a POST with the CSRF token, so another site
 * cannot sign an agent out in the middle of a call.
 */
@Path("/")
@PermitAll
public class LoginPage {

    private static final URI LOGGED_OUT = URI.create("/login?logout=1");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String error, String notice, boolean providerSignIn);
    }

    private final String sessionCookie;
    private final String landingPage;
    private final ProviderSignIn provider;
    private final SecurityIdentity identity;

    LoginPage(@ConfigProperty(name = "quarkus.http.auth.form.cookie-name", defaultValue = "quarkus-credential")
              String sessionCookie,
              @ConfigProperty(name = "quarkus.http.auth.form.landing-page") String landingPage,
              ProviderSignIn provider, SecurityIdentity identity) {
        this.sessionCookie = sessionCookie;
        this.landingPage = landingPage;
        this.provider = provider;
        this.identity = identity;
    }

    @GET
    @Path("login")
    @PublicPage
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance login(@QueryParam("error") String error, @QueryParam("minutes") Integer minutes,
                                  @QueryParam("logout") String logout) {
        return Templates.login(LoginMessages.error(error, minutes), logout != null ? "您已安全退出。" : null,
                provider.offered());
    }

    /**
     * Reached only with the provider's session (quarkus.http.auth.permission.provider-sign-in): the sign-in has
     * just succeeded, and the person goes where a form login lands, which picks the console of their role.
     */
    @GET
    @Path(ProviderSignIn.PATH)
    @Authenticated
    public Response signedInAtProvider() {
        return Response.seeOther(URI.create(landingPage)).build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context UriInfo request) {
        // Form authentication keeps no server-side session: expiring the cookie is the whole logout.
        NewCookie expired = new NewCookie.Builder(sessionCookie).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        URI next = provider.signOut(identity, request, LOGGED_OUT).orElse(LOGGED_OUT);
        return Response.seeOther(next).cookie(expired).build();
    }
}
