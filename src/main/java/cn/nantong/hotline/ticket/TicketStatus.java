package cn.nantong.hotline.ticket;

/** Where a ticket (工单) stands in its lifecycle; see docs/tickets.md for the state diagram. */
public enum TicketStatus {
    /** Recorded, waiting for dispatch. */
    NEW("待派单"),
    /** An inquiry answered on the call from the 热线百科. Final. */
    ANSWERED("已当场答复"),
    /** Dispatched, the lead department has not accepted yet. */
    DISPATCHED("已派单"),
    /** The lead department accepted. */
    ACCEPTED("办理中"),
    /** The lead and every co-handler replied; waiting for the callback. */
    REPLIED("已答复"),
    /** The caller was satisfied on callback. Final. */
    CLOSED("已办结"),
    /** The lead department returned it; back in the dispatch queue. */
    RETURNED("已退单"),
    /** The caller was not satisfied; the same departments handle it again. */
    REOPENED("重办");

    private final String label;

    TicketStatus(String label) {
        this.label = label;
    }

    /** The word the UI shows. */
    public String label() {
        return label;
    }

    public boolean isFinal() {
        return this == ANSWERED || this == CLOSED;
    }
}
