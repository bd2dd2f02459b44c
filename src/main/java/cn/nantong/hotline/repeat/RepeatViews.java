package cn.nantong.hotline.repeat;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** Requests and answers of the repeat API. */
public final class RepeatViews {

    private RepeatViews() {
    }

    /** An earlier ticket that may be the same problem, for the agent to link or dismiss in one click. */
    public record Candidate(long ticketId, String number, String status, Instant receivedAt, String district,
                            String address, String contentPreview, Long clusterId, double score, boolean likely,
                            List<String> reasons) {
    }

    public record ClusterTicket(long id, String number, String status, String type, Instant receivedAt, Long repeatOf,
                                String address, String contentPreview) {
    }

    public record ClusterView(long id, String district, String place, String problemKind, int reportCount,
                              int callerCount, Instant firstAt, Instant lastAt, Instant handledAt,
                              boolean reportedAfterHandled, List<ClusterTicket> tickets) {
    }

    public record Merge(@NotNull(message = "请指定合并到的簇 into") Long into,
                        @Size(max = 500, message = "说明最多 500 字") String note) {
    }

    public record Split(@Size(max = 500, message = "说明最多 500 字") String note) {
    }
}
