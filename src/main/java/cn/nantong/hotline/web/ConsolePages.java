package cn.nantong.hotline.web;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/** {@code /console} sends each signed-in person to their role's own console. */
@Path("/console")
@ConsolePage
public class ConsolePages {

    private final ConsoleFrames frames;

    ConsolePages(ConsoleFrames frames) {
        this.frames = frames;
    }

    @GET
    @Authenticated
    public Response entry() {
        return Response.seeOther(URI.create(ConsoleNav.home(frames.role()))).build();
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e) {
        return ConsoleErrors.signIn();
    }
}
