package cn.nantong.hotline.identity;

import cn.nantong.hotline.identity.AccountAdmin.AccountChange;
import cn.nantong.hotline.identity.AccountAdmin.AccountView;
import cn.nantong.hotline.identity.AccountAdmin.NewAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** Accounts for administrators; audits itself (see {@link AccountAdmin}), so passwords never reach the log. */
@Path("/api/admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class AccountResource {

    private static final String EMPTY_BODY = "请求正文不能为空";

    private final AccountAdmin accounts;
    private final CurrentUser user;

    AccountResource(AccountAdmin accounts, CurrentUser user) {
        this.accounts = accounts;
        this.user = user;
    }

    public record PasswordReset(String password) {
    }

    @GET
    public List<AccountView> list(@QueryParam("role") String role, @QueryParam("department") String department) {
        return accounts.list(role, department);
    }

    @POST
    public Response create(@NotNull(message = EMPTY_BODY) NewAccount request) {
        AccountView created = accounts.create(request, user.username());
        return Response.created(URI.create("/api/admin/accounts/" + created.username())).entity(created).build();
    }

    /** Display name, role and department together, as the console's form sends them. */
    @PUT
    @Path("{username}")
    public AccountView update(@PathParam("username") String username, @NotNull(message = EMPTY_BODY) AccountChange request) {
        return accounts.update(username, request, user.username());
    }

    @POST
    @Path("{username}/disable")
    @Consumes(MediaType.WILDCARD)
    public AccountView disable(@PathParam("username") String username) {
        return accounts.setDisabled(username, true, user.username());
    }

    @POST
    @Path("{username}/enable")
    @Consumes(MediaType.WILDCARD)
    public AccountView enable(@PathParam("username") String username) {
        return accounts.setDisabled(username, false, user.username());
    }

    @POST
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username,
                                  @NotNull(message = EMPTY_BODY) PasswordReset request) {
        accounts.resetPassword(username, request.password(), user.username());
        return Response.noContent().build();
    }
}
