package cn.nantong.hotline.ticket;

/**
 * Fired synchronously inside the intake transaction just before the new ticket is written, for observers that
 * derive the ticket's own fields from what the caller said (repeat features, suggested departments). Setting
 * them here rather than on {@link TicketRecorded} means the row is inserted once instead of inserted and then
 * rewritten, which at a few hundred intakes a second is most of the database's work. The ticket has no id yet.
 */
public record TicketReceived(Ticket ticket) {
}
