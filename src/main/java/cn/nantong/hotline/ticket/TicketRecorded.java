package cn.nantong.hotline.ticket;

import java.util.List;

/**
 * Fired synchronously inside the intake transaction once the ticket is persisted (after {@link TicketReceived},
 * which already set its features, suggestions and cluster): repeat detection (learns the agent's decisions,
 * indexes the places), routing and escalation observe it, in that order, by priority.
 *
 * @param confirmedRepeatOf the earlier ticket the agent linked at intake, or null
 * @param rejectedRepeatOf  earlier tickets the agent said are a different problem
 */
public record TicketRecorded(Ticket ticket, boolean imported, Long confirmedRepeatOf, List<Long> rejectedRepeatOf,
                             String actor) {

    /** Observer priorities: repeat detection first, since it may still refuse the intake (an unknown notRepeatOf). */
    public static final int REPEAT = 100;
    public static final int ROUTING = 200;
    public static final int ESCALATION = 300;
}
