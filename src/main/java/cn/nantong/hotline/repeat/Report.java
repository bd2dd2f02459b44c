package cn.nantong.hotline.repeat;

import java.time.Instant;

/**
 * One recorded hotline report as the repeat detector sees it. {@code callerKey} identifies the caller and is only
 * compared for equality: the keyed hash of the number in the service, any stable text in benchmarks.
 */
public record Report(long id, Instant receivedAt, String callerKey, String type /* INQUIRY, COMPLAINT, HELP, REPORT, SUGGESTION */,
                     String district /* may be null */, String address /* may be null/empty */, String content) {

    /** Inquiries ask for information; they are never a repeat of a problem nor the original of one. */
    public boolean isInquiry() {
        return "INQUIRY".equalsIgnoreCase(type);
    }

    /** The same report without its address and content, which nothing reads once they are parsed into features. */
    Report withoutText() {
        return address == null && content == null ? this : new Report(id, receivedAt, callerKey, type, district, null, null);
    }
}
