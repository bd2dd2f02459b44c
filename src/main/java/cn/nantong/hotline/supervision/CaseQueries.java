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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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
        List<CaseViews.CaseView> items = views(query.page(p, s).list());
        return new TicketViews.Page<>(total, p, s, items);
    }

    /** Cases with an issued notice naming this department, still running: the top of its inbox. */
    public List<CaseViews.CaseView> noticesFor(String department) {
        return views(SupervisionCase.<SupervisionCase>find("noticeIssuedAt is not null and status = ?1 "
                        + "and (leadDepartment = ?2 or array_contains(coDepartments, ?2)) order by deadline, id",
                SupervisionCase.Status.ASSIGNED, department).list());
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
        return views(List.of(c)).get(0);
    }

    /**
     * Views of many cases with a fixed number of queries (clusters, linked tickets, timelines each in one), since a
     * board of a hundred cases would otherwise run several hundred.
     */
    private List<CaseViews.CaseView> views(List<SupervisionCase> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Long> ids = list.stream().map(c -> c.id).toList();
        List<Long> clusterIds = list.stream().map(c -> c.clusterId).filter(Objects::nonNull).distinct().toList();
        Map<Long, RepeatCluster> clusters = clusterIds.isEmpty() ? Map.of()
                : RepeatCluster.<RepeatCluster>list("id in ?1", clusterIds).stream()
                        .collect(Collectors.toMap(cl -> cl.id, cl -> cl));
        Map<Long, List<CaseViews.LinkedTicket>> tickets = new HashMap<>();
        List<Object[]> links = Ticket.getEntityManager().createQuery(
                        "select l.caseId, t from CaseTicket l, Ticket t where t.id = l.ticketId and l.caseId in ?1 "
                                + "order by t.receivedAt, t.id", Object[].class)
                .setParameter(1, ids).getResultList();
        for (Object[] row : links) {
            Ticket t = (Ticket) row[1];
            tickets.computeIfAbsent((Long) row[0], k -> new ArrayList<>()).add(new CaseViews.LinkedTicket(t.id,
                    t.number, t.status.name(), t.type.name(), t.district, t.receivedAt, t.contentPreview()));
        }
        Map<Long, List<CaseViews.Event>> timelines = new HashMap<>();
        for (CaseEvent e : CaseEvent.<CaseEvent>list("caseId in ?1", Sort.by("id"), ids)) {
            timelines.computeIfAbsent(e.caseId, k -> new ArrayList<>())
                    .add(new CaseViews.Event(e.at, e.actor, e.action, e.department, e.note));
        }
        return list.stream().map(c -> {
            RepeatCluster cl = c.clusterId == null ? null : clusters.get(c.clusterId);
            return new CaseViews.CaseView(c.id, c.status.name(), List.copyOf(c.triggers), List.copyOf(c.reasons),
                    c.district, c.summary, c.openedAt, c.leadDepartment,
                    c.leadDepartment == null ? null : directory.name(c.leadDepartment),
                    List.copyOf(c.coDepartments), c.deadline,
                    c.deadline != null && c.status == SupervisionCase.Status.ASSIGNED && now.isAfter(c.deadline),
                    c.noticeText == null ? null : new CaseViews.Notice(c.noticeText, c.noticeIssuedAt),
                    cl == null ? null : new CaseViews.ClusterView(cl.id, cl.reportCount, cl.callerCount, cl.firstAt,
                            cl.lastAt, cl.reportedAfterHandled, cl.place, cl.problemKind),
                    tickets.getOrDefault(c.id, List.of()), c.allowedActions(), timelines.getOrDefault(c.id, List.of()));
        }).toList();
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
        List<ReplyFlag> found = query.page(p, s).list();
        // The flagged tickets and the ones they copy, with their replies, in one query rather than one each.
        Set<Long> ticketIds = new HashSet<>();
        found.forEach(f -> {
            ticketIds.add(f.ticketId);
            f.copies.forEach(c -> ticketIds.add(c.ticketId()));
        });
        if (!ticketIds.isEmpty()) {
            Ticket.find("select distinct t from Ticket t left join fetch t.assignments where t.id in ?1", ticketIds).list();
        }
        return new TicketViews.Page<>(query.count(), p, s, found.stream().map(this::flagView).toList());
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
