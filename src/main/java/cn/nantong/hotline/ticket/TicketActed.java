package cn.nantong.hotline.ticket;

/**
 * Fired synchronously inside an action's transaction after the ticket was changed and flushed, so
 * routing can learn, replies can be checked and escalation triggers can fire in the same unit of work.
 *
 * @param action     the API action name (dispatch, accept, return, reply, callback …)
 * @param department the acting department for department actions, else null
 */
public record TicketActed(Ticket ticket, String action, String department, String actor, java.time.Instant at) {
}
