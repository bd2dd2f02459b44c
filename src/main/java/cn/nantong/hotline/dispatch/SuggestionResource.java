package cn.nantong.hotline.dispatch;

import cn.nantong.hotline.identity.Role;
import cn.nantong.hotline.ticket.SuggestedDepartment;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Suggested departments while the agent types a call, so the lead can be chosen the moment the call is recorded.
 * Nothing is stored. A class of its own: its literal path must out-rank {@code /api/tickets/{id}}.
 */
@Path("/api/tickets/department-suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionResource {

    /** What a half-typed call already says. */
    public record Draft(@NotBlank(message = "请填写诉求内容") @Size(max = 2000, message = "诉求内容不能超过 2000 字") String content,
                        @Size(max = 40, message = "分类不能超过 40 字") String category) {
    }

    private final RoutingService routing;

    SuggestionResource(RoutingService routing) {
        this.routing = routing;
    }

    @POST
    @RolesAllowed({Role.AGENT_NAME, Role.ADMIN_NAME})
    public List<SuggestedDepartment> suggest(@Valid @NotNull(message = "请求正文不能为空") Draft draft) {
        return routing.suggest(draft.content(), draft.category());
    }
}
