package cn.nantong.hotline.ticket;

/** What kind of matter the caller brings: an inquiry (咨询) or a non-inquiry that needs a department. */
public enum TicketType {
    INQUIRY("咨询"),
    COMPLAINT("投诉"),
    HELP("求助"),
    REPORT("举报"),
    SUGGESTION("建议");

    private final String label;

    TicketType(String label) {
        this.label = label;
    }

    /** The word the UI shows. */
    public String label() {
        return label;
    }
}
