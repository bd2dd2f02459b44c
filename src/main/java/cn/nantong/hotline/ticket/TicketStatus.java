package cn.nantong.hotline.ticket;

/** Where a ticket (工单) stands in its lifecycle; see docs/tickets.md for the state diagram. */
public enum TicketStatus {
    /** 待派单: recorded, waiting for dispatch. */
    NEW,
    /** 已答复（当场）: an inquiry answered on the call from the 热线百科. Final. */
    ANSWERED,
    /** 已派单: dispatched, the lead department has not accepted yet. */
    DISPATCHED,
    /** 办理中: the lead department accepted. */
    ACCEPTED,
    /** 已答复: the lead and every co-handler replied; waiting for the callback. */
    REPLIED,
    /** 已办结: the caller was satisfied on callback. Final. */
    CLOSED,
    /** 被退回: the lead department returned it; back in the dispatch queue. */
    RETURNED,
    /** 重办: the caller was not satisfied; the same departments handle it again. */
    REOPENED;

    public boolean isFinal() {
        return this == ANSWERED || this == CLOSED;
    }
}
