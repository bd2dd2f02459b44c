package cn.nantong.hotline.ticket;

import cn.nantong.hotline.audit.AuditLog;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.privacy.PhoneVault;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Read side of tickets: detail with timeline, filtered lists with stable paging, caller history. */
@ApplicationScoped
@Transactional
public class TicketQueries {

    private final TicketService tickets;
    private final TicketMapper mapper;
    private final PhoneVault vault;
    private final AuditLog audit;
    private final Timeline timeline;

    TicketQueries(TicketService tickets, TicketMapper mapper, PhoneVault vault, AuditLog audit, Timeline timeline) {
        this.tickets = tickets;
        this.timeline = timeline;
        this.mapper = mapper;
        this.vault = vault;
        this.audit = audit;
    }

    /** List filters as the client sent them (text: every one is checked here and named when wrong). */
    public record Filter(String status, String department, String light, String district, String type, String from,
                         String to, String q, String page, String size) {
    }

    /** A person opening a ticket: audited, since the detail shows who called and about what. */
    public TicketViews.TicketView detail(long id, Access access) {
        Ticket t = tickets.visible(id, access);
        audit.record(access.username(), "ticket.view", t.number, t.id, null);
        return detailOf(t, access);
    }

    public TicketViews.TicketView detailOf(Ticket t, Access viewer) {
        timeline.flush();
        List<TicketEvent> events = TicketEvent.list("ticketId", Sort.by("id"), t.id);
        return mapper.view(t, events, viewer);
    }

    /**
     * What this caller reported before, newest first: agents see it as soon as the number is typed. Found by
     * the number's keyed hash; the audit entry says how many tickets were shown, never the number.
     */
    public List<TicketViews.TicketSummary> byCaller(String rawPhone, String actor) {
        String phone = PhoneNumbers.normalise(rawPhone).orElseThrow(() ->
                ProblemException.badRequest("phone", "来电号码不是有效的手机号或固定电话号码。"));
        List<TicketViews.TicketSummary> found = Ticket.<Ticket>find("callerPhoneHash", Sort.descending("receivedAt", "id"),
                vault.hash(phone)).page(0, 50).list().stream().map(mapper::summary).toList();
        audit.record(actor, "caller.history", null, null, found.size() + " 件");
        return found;
    }

    /** The newest tickets, for the agent's desk. Unlike a list page nothing is counted: a count reads the whole table. */
    public List<TicketViews.TicketSummary> newest(int limit) {
        return Ticket.<Ticket>findAll(Sort.descending("receivedAt", "id")).page(0, limit).list().stream()
                .map(mapper::summary).toList();
    }

    /** How many replied tickets wait for their callback. */
    public long countAwaitingCallback() {
        return Ticket.count("status", TicketStatus.REPLIED);
    }

    public TicketViews.Page<TicketViews.TicketSummary> list(Filter f, Access access) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (access.isDepartment()) {
            where.append(" and exists (select a from Assignment a where a.ticket = t and a.department = :own)");
            params.put("own", access.department());
        }
        if (blank(f.status()) == null && blank(f.light()) != null) {
            // A light only exists on open tickets.
            where.append(" and t.status in (:open)");
            params.put("open", List.of(TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.REOPENED));
        }
        if (blank(f.status()) != null) {
            where.append(" and t.status = :status");
            params.put("status", parseEnum(TicketStatus.class, "status", f.status()));
        }
        if (blank(f.type()) != null) {
            where.append(" and t.type = :type");
            params.put("type", parseEnum(TicketType.class, "type", f.type()));
        }
        if (blank(f.department()) != null) {
            tickets.checkDepartment("department", f.department().strip());
            where.append(" and exists (select a from Assignment a where a.ticket = t and a.department = :dept and a.round = t.round)");
            params.put("dept", f.department().strip());
        }
        if (blank(f.district()) != null) {
            where.append(" and t.district = :district");
            params.put("district", f.district().strip());
        }
        if (blank(f.from()) != null) {
            where.append(" and t.receivedAt >= :from");
            params.put("from", QueryParams.date("from", f.from()).atStartOfDay(cn.nantong.hotline.common.ClockProducer.CITY_ZONE).toInstant());
        }
        if (blank(f.to()) != null) {
            where.append(" and t.receivedAt < :to");
            params.put("to", QueryParams.date("to", f.to()).plusDays(1).atStartOfDay(cn.nantong.hotline.common.ClockProducer.CITY_ZONE).toInstant());
        }
        if (blank(f.q()) != null) {
            where.append(" and (t.number = :qExact or lower(t.content) like :q or lower(t.address) like :q)");
            params.put("qExact", f.q().strip());
            params.put("q", "%" + f.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        int page = QueryParams.integer("page", f.page(), 0, 0, 100_000);
        int size = QueryParams.integer("size", f.size(), 20, 1, 200);
        Light light = blank(f.light()) == null ? null : parseEnum(Light.class, "light", f.light());
        var query = Ticket.<Ticket>find("from Ticket t where " + where, Sort.descending("receivedAt", "id"), params);
        if (light == null) {
            long total = query.count();
            List<TicketViews.TicketSummary> items = query.page(Page.of(page, size)).list().stream().map(mapper::summary).toList();
            return new TicketViews.Page<>(total, page, size, items);
        }
        // Lights depend on the working-day calendar at this moment, so they are filtered after loading open tickets.
        List<TicketViews.TicketSummary> matching = new ArrayList<>();
        for (Ticket t : query.list()) {
            TicketViews.TicketSummary s = mapper.summary(t);
            if (s.light().equals(light.name())) {
                matching.add(s);
            }
        }
        int fromIndex = Math.min(page * size, matching.size());
        return new TicketViews.Page<>(matching.size(), page, size,
                matching.subList(fromIndex, Math.min(fromIndex + size, matching.size())));
    }

    /**
     * Replied tickets waiting for the callback (回访), the one waiting longest first: ordered by the last reply of
     * the current round, which is when the ticket became REPLIED.
     */
    public TicketViews.Page<TicketViews.CallbackDue> awaitingCallback(String page, String size, Access access) {
        int p = QueryParams.integer("page", page, 0, 0, 100_000);
        int n = QueryParams.integer("size", size, 10, 1, 100);
        long total = countAwaitingCallback();
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) Ticket.getEntityManager().createNativeQuery("""
                        select t.id from ticket t
                        join assignment a on a.ticket_id = t.id and a.round = t.round and a.replied_at is not null
                        where t.status = 'REPLIED'
                        group by t.id order by max(a.replied_at), t.id
                        limit ?1 offset ?2""")
                .setParameter(1, n).setParameter(2, (long) p * n).getResultList())
                .stream().map(Number::longValue).toList();
        Map<Long, Ticket> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            Ticket.<Ticket>list("id in ?1", ids).forEach(t -> byId.put(t.id, t));
        }
        List<TicketViews.CallbackDue> items = ids.stream().map(id -> mapper.callbackDue(byId.get(id), access)).toList();
        return new TicketViews.Page<>(total, p, n, items);
    }

    /**
     * A department's inbox, one tab of it. {@code supervised} are the tickets open supervision cases cover (the
     * supervision package knows them), for {@link InboxTab#SUPERVISED}.
     */
    public TicketViews.Page<TicketViews.InboxRow> inbox(String department, InboxTab tab, Collection<Long> supervised,
                                                        String page, String size) {
        int p = QueryParams.integer("page", page, 0, 0, 100_000);
        int s = QueryParams.integer("size", size, 20, 1, 200);
        return inboxQuery(department, tab, supervised)
                .map(q -> new TicketViews.Page<>(q.count(), p, s, q.page(Page.of(p, s)).list().stream()
                        .map(mapper::inboxRow).toList()))
                .orElse(new TicketViews.Page<>(0, p, s, List.of()));
    }

    /** How many tickets each tab of a department's inbox lists. */
    public Map<InboxTab, Long> inboxCounts(String department, Collection<Long> supervised) {
        Map<InboxTab, Long> counts = new EnumMap<>(InboxTab.class);
        for (InboxTab tab : InboxTab.values()) {
            counts.put(tab, inboxQuery(department, tab, supervised).map(PanacheQuery::count).orElse(0L));
        }
        return counts;
    }

    private static Optional<PanacheQuery<Assignment>> inboxQuery(String department, InboxTab tab,
                                                                 Collection<Long> supervised) {
        // Only the department's latest part of each ticket counts: an earlier round's reply is history.
        StringBuilder where = new StringBuilder("from Assignment a where a.department = :dept and a.superseded = false");
        Map<String, Object> params = new HashMap<>(Map.of("dept", department));
        if (tab == InboxTab.SUPERVISED) {
            if (supervised.isEmpty()) {
                return Optional.empty();
            }
            where.append(" and a.ticket.id in :supervised");
            params.put("supervised", supervised);
        } else {
            where.append(" and a.status = :status");
            params.put("status", tab.status());
        }
        if (tab == InboxTab.RETURNED) {
            // Co-handlers swept along when the lead returns a ticket have no reason: they did not return it.
            where.append(" and a.returnReason is not null");
        }
        where.append(switch (tab) {
            case PENDING -> " order by a.acceptDueAt, a.id";
            case HANDLING -> " order by a.replyDueAt, a.id";
            case AWAITING_CALLER -> " order by a.pausedAt, a.id";
            case REPLIED -> " order by a.repliedAt desc, a.id desc";
            case RETURNED -> " order by a.returnedAt desc, a.id desc";
            case SUPERVISED -> " order by a.dispatchedAt desc, a.id desc";
        });
        return Optional.of(Assignment.find(where.toString(), params));
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw ProblemException.badRequest(field, "未知的 " + field + " '" + value + "'，可选：" + String.join("、", names) + "。");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
