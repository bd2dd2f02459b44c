package cn.nantong.hotline.supervision;

import java.util.List;

/**
 * Outcome of checking one department reply: whether it is flagged, which rule fired, the reasons shown to the
 * supervisor (Chinese) and the earlier replies it copies, most similar first.
 */
public record ReplyVerdict(boolean flagged, boolean nearCopy, boolean vague, List<String> reasons,
                           List<CopiedReply> copies) {

    /** An earlier reply, to a different problem, that the checked reply nearly copies. */
    public record CopiedReply(long ticketId, double similarity) {}

    public ReplyVerdict {
        reasons = List.copyOf(reasons);
        copies = List.copyOf(copies);
        if (flagged != (nearCopy || vague)) {
            throw new IllegalArgumentException("flagged must equal nearCopy || vague");
        }
    }
}
