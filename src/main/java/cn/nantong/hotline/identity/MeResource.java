package cn.nantong.hotline.identity;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Who am I: lets a client check its credentials and learn its role and department. */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final CurrentUser currentUser;

    MeResource(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    /** The account as the API shows it; never the password hash. From the identity, which OIDC users have too. */
    public record MeView(String username, String displayName, String role, String department) {
    }

    @GET
    public MeView me() {
        return new MeView(currentUser.username(), currentUser.displayName(), currentUser.role().name(),
                currentUser.department());
    }
}
