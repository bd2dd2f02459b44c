package cn.nantong.hotline.web;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.ticket.TicketStatus;
import cn.nantong.hotline.ticket.TicketType;
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
                            List<RecentTicket> recent) {
    }

    /** A row of the agent's latest tickets, in the words the agent uses. */
    public record RecentTicket(String number, String type, String district, String contentPreview, String status) {

        static RecentTicket of(TicketViews.TicketSummary t) {
            return new RecentTicket(t.number(), TicketType.valueOf(t.type()).label(), t.district(), t.contentPreview(),
                    TicketStatus.valueOf(t.status()).label());
        }
    }

    /** The administrator's console: the roles, departments and ticket types its forms offer. */
    public record AdminDesk(List<TypeOption> roles, List<Directory.DepartmentView> departments, List<TypeOption> types) {
    }
}
