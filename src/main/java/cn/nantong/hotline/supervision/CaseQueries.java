package cn.nantong.hotline.supervision;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.repeat.RepeatCluster;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketViews;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Read side of supervision: the coordinator's case list and detail, and departments' notices. */
@ApplicationScoped
@Transactional
public class CaseQueries {

    private final SupervisionService cases;
    private final Directory directory;
    private final Clock clock;

    CaseQueries(SupervisionService cases, Directory directory, Clock clock) {
        this.cases = cases;
        this.directory = directory;
        this.clock = clock;
    }

    /** Unclosed cases first, newest first; {@code status} filters by one state, {@code ticket} by a linked ticket. */
    public TicketViews.Page<CaseViews.CaseView> list(String status, String ticket, String page, String size) {
        int p = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int s = QueryParams.integer("size", size, 20, 1, 100);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            params.put("status", parseStatus(status));
        }
        if (ticket != null && !ticket.isBlank()) {
            where.append(" and id in (select l.caseId from CaseTicket l where l.ticketId = :ticket)");
            params.put("ticket", (long) QueryParams.integer("ticket", ticket, 0, 1, Integer.MAX_VALUE));
        }
        var query = SupervisionCase.<SupervisionCase>find(where
                + " order by case when status = 'CLOSED' then 1 else 0 end, openedAt desc, id desc", params);
        long total = query.count();
        List<CaseViews.CaseView> items = query.page(p, s).list().stream().map(this::view).toList();
        return new TicketViews.Page<>(total, p, s, items);
    }

    /** Cases with an issued notice naming this department, still running: the top of its inbox. */
    public List<CaseViews.CaseView> noticesFor(String department) {
        return SupervisionCase.<SupervisionCase>find("noticeIssuedAt is not null and status = ?1 "
                        + "and (leadDepartment = ?2 or array_contains(coDepartments, ?2)) order by deadline, id",
                SupervisionCase.Status.ASSIGNED, department).list().stream().map(this::view).toList();
    }

    /** The department's tickets that a case still being worked (OPEN or ASSIGNED) covers: its inbox's 督办 tab. */
    public List<Long> supervisedTickets(String department) {
        return CaseTicket.<CaseTicket>find("caseId in (select c.id from SupervisionCase c where c.status in ?1) "
                        + "and ticketId in (select a.ticket.id from Assignment a where a.department = ?2)",
                List.of(SupervisionCase.Status.OPEN, SupervisionCase.Status.ASSIGNED), department)
                .list().stream().map(l -> l.ticketId).distinct().toList();
    }

    public CaseViews.CaseView detail(long id, String department) {
        return view(cases.visible(id, department));
    }

    public CaseViews.CaseView view(SupervisionCase c) {
        Instant now = clock.instant();
        RepeatCluster cl = c.clusterId == null ? null : RepeatCluster.findById(c.clusterId);
        List<CaseViews.LinkedTicket> tickets = Ticket.<Ticket>find(
                        "id in (select l.ticketId from CaseTicket l where l.caseId = ?1)", Sort.by("receivedAt"), c.id)
                .list().stream().map(t -> new CaseViews.LinkedTicket(t.id, t.number, t.status.name(), t.type.name(),
                        t.district, t.receivedAt, t.contentPreview()))
                .toList();
        List<CaseViews.Event> timeline = CaseEvent.<CaseEvent>list("caseId", Sort.by("id"), c.id).stream()
                .map(e -> new CaseViews.Event(e.at, e.actor, e.action, e.department, e.note)).toList();
        return new CaseViews.CaseView(c.id, c.status.name(), List.copyOf(c.triggers), List.copyOf(c.reasons), c.district,
                c.summary, c.openedAt, c.leadDepartment, c.leadDepartment == null ? null : directory.name(c.leadDepartment),
                List.copyOf(c.coDepartments), c.deadline,
                c.deadline != null && c.status == SupervisionCase.Status.ASSIGNED && now.isAfter(c.deadline),
                c.noticeText == null ? null : new CaseViews.Notice(c.noticeText, c.noticeIssuedAt),
                cl == null ? null : new CaseViews.ClusterView(cl.id, cl.reportCount, cl.callerCount, cl.firstAt,
                        cl.lastAt, cl.reportedAfterHandled, cl.place, cl.problemKind),
                tickets, c.allowedActions(), timeline);
    }

    /** Flagged replies, pending ones by default, newest first, each with the earlier replies it copies. */
    public TicketViews.Page<CaseViews.FlagView> flags(String status, String page, String size) {
        int p = QueryParams.integer("page", page, 0, 0, Integer.MAX_VALUE);
        int s = QueryParams.integer("size", size, 20, 1, 100);
        ReplyFlag.Status st;
        try {
            st = status == null || status.isBlank() ? ReplyFlag.Status.PENDING
                    : ReplyFlag.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "未知的状态 '" + status + "'，可选：PENDING、ACCEPTED、SENT_BACK。");
        }
        var query = ReplyFlag.<ReplyFlag>find("status = ?1 order by flaggedAt desc, id desc", st);
        return new TicketViews.Page<>(query.count(), p, s, query.page(p, s).list().stream().map(this::flagView).toList());
    }

    public CaseViews.FlagView flagView(ReplyFlag f) {
        Ticket t = Ticket.findById(f.ticketId);
        String reply = t.assignments.stream().filter(a -> a.id.equals(f.assignmentId)).map(a -> a.replyText)
                .findFirst().orElse(null);
        List<CaseViews.CopiedView> copies = f.copies.stream().map(c -> {
            Ticket other = Ticket.findById(c.ticketId());
            String text = other == null ? null : other.assignments.stream()
                    .filter(a -> a.department.equals(f.department) && a.replyText != null)
                    .map(a -> a.replyText).reduce((x, y) -> y).orElse(null);
            return new CaseViews.CopiedView(c.ticketId(), other == null ? null : other.number, c.similarity(), text);
        }).toList();
        return new CaseViews.FlagView(f.id, f.ticketId, t.number, f.department, directory.name(f.department),
                f.flaggedAt, f.nearCopy, f.vague, List.copyOf(f.reasons), reply, copies, f.status.name(), f.decidedBy,
                f.decidedAt, f.decisionNote);
    }

    private static SupervisionCase.Status parseStatus(String s) {
        try {
            return SupervisionCase.Status.valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status", "未知的督办状态 '" + s + "'，可选：OPEN、ASSIGNED、RESOLVED、CLOSED。");
        }
    }
}
