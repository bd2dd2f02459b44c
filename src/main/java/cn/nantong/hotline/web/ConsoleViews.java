package cn.nantong.hotline.web;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.ticket.TicketViews;

import java.util.List;

/** What the console pages show, shaped for the templates. */
public final class ConsoleViews {

    private ConsoleViews() {
    }

    /**
     * The top bar every signed-in page shares. {@code withForms} is false on a refusal page: the role check
     * refused before the CSRF filter ran, so there is no token for the logout form.
     */
    public record Frame(String title, String displayName, String roleLabel, List<ConsoleNav.Link> nav,
                        boolean withForms) {
    }

    /** A ticket type as the intake form offers it. */
    public record TypeOption(String code, String label) {
    }

    /** The agent's desk: the choices of the intake form and the latest tickets. */
    public record AgentDesk(List<TypeOption> types, List<String> districts, List<Directory.DepartmentView> departments,
                            List<TicketViews.TicketSummary> recent) {
    }

    /** The administrator's console: the roles, departments and ticket types its forms offer. */
    public record AdminDesk(List<TypeOption> roles, List<Directory.DepartmentView> departments, List<TypeOption> types) {
    }
}
