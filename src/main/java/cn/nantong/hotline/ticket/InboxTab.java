package cn.nantong.hotline.ticket;

import java.util.Arrays;
import java.util.Locale;

/**
 * The tabs of a department's inbox. Each ticket sits in the tab of the department's latest assignment on it,
 * so a ticket handled again (重办) leaves 已回复 when it arrives in 待签收; 督办 cuts across them.
 */
public enum InboxTab {
    PENDING("待签收", AssignmentStatus.DISPATCHED),
    HANDLING("办理中", AssignmentStatus.ACCEPTED),
    AWAITING_CALLER("待补充", AssignmentStatus.AWAITING_CALLER),
    REPLIED("已回复", AssignmentStatus.REPLIED),
    RETURNED("被退回", AssignmentStatus.RETURNED),
    /** Tickets of the department's that an open supervision case covers, whatever the department's part. */
    SUPERVISED("督办", null);

    private final String label;
    private final AssignmentStatus status;

    InboxTab(String label, AssignmentStatus status) {
        this.label = label;
        this.status = status;
    }

    public String label() {
        return label;
    }

    /** The assignment status this tab lists; null for {@link #SUPERVISED}, which lists any. */
    public AssignmentStatus status() {
        return status;
    }

    /** The name used in the page's {@code tab=} parameter. */
    public String param() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The tab a link asks for; a missing or unknown one opens the first tab rather than an error page. */
    public static InboxTab fromParam(String param) {
        return Arrays.stream(values()).filter(t -> t.param().equals(param)).findFirst().orElse(PENDING);
    }

    /** Where an assignment in this state is listed. */
    public static InboxTab of(AssignmentStatus status) {
        return Arrays.stream(values()).filter(t -> t.status == status).findFirst().orElseThrow();
    }
}
