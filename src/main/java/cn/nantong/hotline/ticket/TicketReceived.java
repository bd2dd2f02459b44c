package cn.nantong.hotline.ticket;

import cn.nantong.hotline.kb.index.SegmentedText;

import java.util.List;

/**
 * Fired synchronously inside the intake transaction just before the new ticket is written, for observers that
 * derive the ticket's own fields from what the caller said (repeat features, suggested departments). Setting
 * them here rather than on {@link TicketRecorded} means the row is inserted once instead of inserted and then
 * rewritten, which at a few hundred intakes a second is most of the database's work. The ticket has no id yet.
 * Repeat detection also decides the ticket's cluster here, from the agent's choice when there is one.
 *
 * @param words             the caller's words, segmented once for every observer that reads them
 * @param confirmedRepeatOf the earlier ticket the agent linked at intake, or null
 * @param rejectedRepeatOf  earlier tickets the agent said are a different problem
 */
public record TicketReceived(Ticket ticket, SegmentedText words, Long confirmedRepeatOf, List<Long> rejectedRepeatOf) {

    /**
     * Observer priorities: repeat detection last, since it takes the place and caller locks that are held until
     * commit; work that needs no lock (department suggestions) done before it shortens the wait of every intake
     * reporting the same place.
     */
    public static final int ROUTING = 100;
    public static final int REPEAT = 200;
}
