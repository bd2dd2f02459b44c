package cn.nantong.hotline.directory;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Serves the department directory and the city's districts. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryResource {

    private final Directory directory;

    DirectoryResource(Directory directory) {
        this.directory = directory;
    }

    @GET
    @Path("/departments")
    public List<Directory.DepartmentView> departments() {
        return directory.departments();
    }

    @GET
    @Path("/districts")
    public List<String> districts() {
        return directory.districts();
    }
}
