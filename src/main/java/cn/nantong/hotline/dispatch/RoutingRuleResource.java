package cn.nantong.hotline.dispatch;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.identity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.ArrayList;
import java.util.List;

/** Routing rules (keyword or category → department) that administrators edit as one list. */
@Path("/api/routing/rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
public class RoutingRuleResource {

    private final RoutingService routing;
    private final Directory directory;

    RoutingRuleResource(RoutingService routing, Directory directory) {
        this.routing = routing;
        this.directory = directory;
    }

    @GET
    @Transactional
    public List<RoutingRule> list() {
        return RoutingRules.load();
    }

    /** Replaces every rule at once; a bad rule rejects the whole list and changes nothing. */
    @PUT
    @Transactional
    public List<RoutingRule> replace(@NotNull(message = "请求正文不能为空") List<RoutingRule> rules) {
        List<RoutingRule> checked = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            RoutingRule r = rules.get(i);
            if (r == null) {
                throw ProblemException.badRequest("[" + i + "]", "第 " + i + " 条规则为空。");
            }
            directory.requireDepartment("[" + i + "].department", r.department());
            if (r.weight() < 0 || r.weight() > 10) {
                throw ProblemException.badRequest("[" + i + "].weight", "权重须在 0 到 10 之间。");
            }
            checked.add(r);
        }
        RoutingRules.replace(checked);
        routing.reloadRules();
        return checked;
    }
}
