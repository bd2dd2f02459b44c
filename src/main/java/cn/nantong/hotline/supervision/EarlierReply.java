package cn.nantong.hotline.supervision;

/** One earlier reply of a department, with the ticket it answered, as input to template detection. */
public record EarlierReply(long ticketId, Long clusterId, String ticketContent, String text) {

    public EarlierReply {
        ticketContent = ticketContent == null ? "" : ticketContent;
        text = text == null ? "" : text;
    }

    /** True when this reply answered the same problem: the same ticket, or the same (non-null) repeat cluster. */
    boolean answersSameProblem(long otherTicketId, Long otherClusterId) {
        return ticketId == otherTicketId || (clusterId != null && clusterId.equals(otherClusterId));
    }
}
