package cn.nantong.hotline.ticket;

import java.util.List;

/**
 * Fired synchronously inside the intake transaction once the ticket is persisted (after {@link TicketReceived}):
 * repeat detection, routing and escalation observe it (in that order, by priority); repeat detection may still
 * put the ticket into a cluster before the answer is written.
 *
 * @param confirmedRepeatOf the earlier ticket the agent linked at intake, or null
 * @param rejectedRepeatOf  earlier tickets the agent said are a different problem
 */
public record TicketRecorded(Ticket ticket, boolean imported, Long confirmedRepeatOf, List<Long> rejectedRepeatOf,
                             String actor) {

    /** Observer priorities: detection first, since routing and escalation read the cluster. */
    public static final int REPEAT = 100;
    public static final int ROUTING = 200;
    public static final int ESCALATION = 300;
}
