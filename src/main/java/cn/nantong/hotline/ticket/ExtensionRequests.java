package cn.nantong.hotline.ticket;

import cn.nantong.hotline.directory.Directory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/** Departments' requests for more working days (延期申请) still waiting for the coordinator, oldest first. */
@ApplicationScoped
public class ExtensionRequests {

    public record Pending(long ticketId, String number, String department, String departmentName, int workingDays,
                          String reason, Instant requestedAt, Instant replyDueAt, String contentPreview) {
    }

    private final Directory directory;

    ExtensionRequests(Directory directory) {
        this.directory = directory;
    }

    @Transactional
    public List<Pending> pending() {
        return Assignment.<Assignment>find("select a from Assignment a join fetch a.ticket "
                        + "where a.extensionRequestedDays is not null order by a.extensionRequestedAt, a.id").list().stream()
                .map(a -> new Pending(a.ticket.id, a.ticket.number, a.department, directory.name(a.department),
                        a.extensionRequestedDays, a.extensionReason, a.extensionRequestedAt, a.replyDueAt,
                        a.ticket.contentPreview()))
                .toList();
    }
}
