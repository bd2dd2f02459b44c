package cn.nantong.hotline.ticket;

/** One department's part of a ticket. */
public enum AssignmentStatus {
    /** 待签收. */
    DISPATCHED,
    /** 办理中. */
    ACCEPTED,
    /** 待补充: waiting for the caller; the time-limit clock is paused. */
    AWAITING_CALLER,
    /** 已答复. */
    REPLIED,
    /** 已退回: the department said it is not theirs. */
    RETURNED;

    /** Still owes the ticket something: counts for "all replied" and sees the ticket in its inbox. */
    public boolean isActive() {
        return this != RETURNED;
    }
}
