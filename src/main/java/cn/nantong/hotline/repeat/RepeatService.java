package cn.nantong.hotline.repeat;

import cn.nantong.hotline.common.PendingWrites;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.SqlValues;
import cn.nantong.hotline.ticket.Assignment;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketActed;
import cn.nantong.hotline.ticket.TicketReceived;
import cn.nantong.hotline.ticket.TicketStatus;
import cn.nantong.hotline.ticket.TicketRecorded;
import cn.nantong.hotline.ticket.TicketType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Repeat detection at intake (重复件): finds the earlier ticket a new report repeats and puts both in one
 * cluster. Candidates come from indexed look-ups bounded by place key, caller and time, never a scan, so the
 * cost per intake does not grow with history. Reports that could match serialise on database advisory locks
 * of their place keys and caller, so two instances recording one problem at once still form one cluster.
 */
@ApplicationScoped
public class RepeatService {

    /** How far back an earlier report can be the original. */
    static final Duration WINDOW = Duration.ofDays(90);
    /**
     * The most candidates one intake scores, newest first. Any report of a problem can be the one a repeat names,
     * and the newest are the likeliest, so a busy street needs no more than this to find its latest report.
     */
    static final int MAX_CANDIDATES = 50;
    private static final Duration RACE_SLACK = Duration.ofMinutes(1);

    private final RepeatLearning learning;
    /**
     * Parsed features of recently seen tickets by id. A busy place is a candidate of every new report made there,
     * and reading and decoding its newest reports again at each intake cost a sixth of the intake's CPU. Features
     * never change once a ticket is recorded (merge and split move clusters, not features), and retention removes an
     * erased ticket's place keys and caller hash, so an erased ticket is never a candidate served from here.
     */
    private final Cache<Long, ReportFeatures> recent;
    private final PendingWrites writes;

    RepeatService(RepeatLearning learning, PendingWrites writes,
                  @ConfigProperty(name = "hotline.repeat.features-cache-size", defaultValue = "20000") long cacheSize) {
        this.learning = learning;
        this.writes = writes;
        this.recent = Caffeine.newBuilder().maximumSize(cacheSize).build();
    }

    /**
     * Before the ticket is written: parses it and, under the locks of its places and caller, decides which earlier
     * report it repeats, so the one insert carries its features and cluster.
     */
    void onReceived(@Observes @Priority(TicketReceived.REPEAT) TicketReceived e) {
        Ticket t = e.ticket();
        if (t.type == TicketType.INQUIRY) {
            if (e.confirmedRepeatOf() != null) {
                throw ProblemException.badRequest("repeatOf", "咨询件不标记为重复件。");
            }
            return;
        }
        ReportFeatures f = ReportFeatures.of(report(t), e.words());
        t.repeatFeatures = StoredFeatures.encode(f);
        t.problemKind = f.problemKinds().stream().sorted().findFirst().orElse(null);
        String locks = CandidateQuery.lockKeys(f);
        Optional<RepeatMatch> match;
        if (e.confirmedRepeatOf() != null) {
            CandidateQuery.lock(em().unwrap(Session.class), locks);
            Ticket original = confirmedOriginal(e.confirmedRepeatOf());
            RepeatMatch scored = learning.detector().rank(f, List.of(featuresOf(original)), 1).stream().findFirst()
                    .orElse(new RepeatMatch(original.id, 0, List.of()));
            List<String> reasons = new ArrayList<>(List.of("接线员确认"));
            reasons.addAll(scored.reasons());
            match = Optional.of(new RepeatMatch(original.id, scored.score(), reasons));
        } else {
            Set<Long> rejected = new HashSet<>(e.rejectedRepeatOf());
            List<ReportFeatures> candidates = candidates(f, t, locks).stream()
                    .filter(c -> !rejected.contains(c.report().id())).toList();
            match = learning.detector().match(f, candidates);
        }
        match.ifPresent(m -> join(t, m, f));
    }

    /** Once written: the agent's decisions are learned, and the place keys let later reports find this one. */
    void onRecorded(@Observes @Priority(TicketRecorded.REPEAT) TicketRecorded e) {
        Ticket t = e.ticket();
        if (t.type == TicketType.INQUIRY) {
            return;
        }
        if (e.confirmedRepeatOf() != null) {
            learning.record(t.id, e.confirmedRepeatOf(), true, "CONFIRM", e.actor(), t.receivedAt, null);
        }
        for (Long other : new LinkedHashSet<>(e.rejectedRepeatOf())) {
            if (other == null || Ticket.findById(other) == null) {
                throw ProblemException.badRequest("notRepeatOf", "没有编号为 " + other + " 的工单。");
            }
            learning.record(t.id, other, false, "REJECT", e.actor(), t.receivedAt, null);
        }
        // Decoded again rather than handed over from onReceived, where the ticket had no id to key it by; a
        // decode costs tens of microseconds.
        ReportFeatures f = featuresOf(t);
        recent.put(t.id, f);
        indexPlaces(t, f);
    }

    /** A resolved reply declares the problem handled: any later report of it is the complaint loop. */
    void onActed(@Observes TicketActed e) {
        Ticket t = e.ticket();
        if (!"reply".equals(e.action()) || t.clusterId == null || t.status != TicketStatus.REPLIED) {
            return;
        }
        boolean resolved = t.activeAssignments().stream().anyMatch(a -> a.isLead() && a.outcome == Assignment.Outcome.RESOLVED);
        if (resolved) {
            em().createNativeQuery("update repeat_cluster set handled_at = ?1 where id = ?2")
                    .setParameter(1, e.at()).setParameter(2, t.clusterId).executeUpdate();
        }
    }

    /** Likely earlier tickets for the agent's screen while typing, best first, with why. */
    public List<RepeatMatch> candidatesFor(Report draft, int n) {
        ReportFeatures f = ReportFeatures.of(draft);
        Ticket probe = new Ticket();
        probe.id = -1L;
        probe.callerPhoneHash = draft.callerKey();
        probe.receivedAt = draft.receivedAt();
        return learning.detector().rank(f, candidates(f, probe, null), n);
    }

    static ReportFeatures featuresOf(Ticket t) {
        return StoredFeatures.read(t.repeatFeatures, report(t));
    }

    /** The ticket as the detector sees it; a ticket not yet written has no id and counts as -1. */
    static Report report(Ticket t) {
        return new Report(t.id == null ? -1 : t.id, t.receivedAt, t.callerPhoneHash, t.type.name(), t.district, t.address, t.content);
    }

    /**
     * Puts the new (not yet written) ticket into the original's cluster, starting one if there is none, in one
     * statement ({@link #JOIN_OR_START}): at a busy place most intakes join a cluster, and every round trip to the
     * database costs more than the statement itself. Only when the original's cluster changed under it (another
     * instance clustered the original first, or a coordinator merged or split it) does it count again on its own.
     */
    private void join(Ticket t, RepeatMatch m, ReportFeatures f) {
        Object[] r = (Object[]) em().createNativeQuery(JOIN_OR_START)
                .setParameter(1, m.of()).setParameter(2, t.callerPhoneHash).setParameter(3, t.receivedAt)
                .setParameter(4, f.describePlace()).setParameter(5, t.problemKind)
                .getSingleResult();
        Long counted = SqlValues.longOrNull(r[0]);
        Long started = SqlValues.longOrNull(r[1]);
        boolean startedOurs = started != null && started.equals(SqlValues.longOrNull(r[2]));
        Long clusterId = counted != null ? counted : startedOurs ? started : null;
        if (clusterId == null) {
            if (started != null) {
                // Another instance clustered the original first: the report joins theirs.
                em().createNativeQuery("delete from repeat_cluster where id = ?1").setParameter(1, started).executeUpdate();
            }
            clusterId = countIn(m.of(), t);
            if (clusterId == null) {
                throw ProblemException.conflict("重复件簇刚被协调员合并或拆分，请重新提交。");
            }
        }
        t.clusterId = clusterId;
        t.repeatOf = m.of();
        t.repeatScore = m.score();
        t.repeatReasons = new ArrayList<>(m.reasons());
    }

    /** Counts a report (?2 caller, ?3 time) into a cluster {@code c}; the statements using it say which. */
    private static final String COUNT_IN = """
            update repeat_cluster c set report_count = c.report_count + 1,
                caller_count = c.caller_count + case when exists (select 1 from ticket k
                    where k.cluster_id = c.id and k.caller_phone_hash = ?2) then 0 else 1 end,
                last_at = greatest(c.last_at, ?3),
                reported_after_handled = c.reported_after_handled or coalesce(c.handled_at < ?3, false)
            """;

    /**
     * Counts the new report (?2 caller, ?3 time) into the cluster of the original (?1) and returns it as the first
     * column; or, when the original has none, starts one of the original and the new report and returns it as the
     * second column, with the original's cluster afterwards as the third (another instance may have set it first).
     * <ul>
     * <li>Counted on rather than recounted, so a problem reported thousands of times costs no more per report. The
     * update's row lock serialises reports joining one cluster; the caller is looked up inside it, and two reports of
     * one caller were already serialised by the caller's lock.</li>
     * <li>The original may have been answered as resolved before anyone knew it would be reported again, so a new
     * cluster starts handled then; later resolved replies set handledAt themselves (onActed). An original erased by
     * retention has no caller to count. Its cluster is set without touching its version: an agent working on it must
     * not get a conflict.</li>
     * </ul>
     */
    private static final String JOIN_OR_START = """
            with o as (select id, cluster_id, district, received_at, caller_phone_hash from ticket where id = ?1),
            counted as (""" + COUNT_IN + """
                from o where c.id = o.cluster_id
                returning c.id),
            started as (
                insert into repeat_cluster (first_ticket_id, district, place, problem_kind, first_at, last_at,
                                            report_count, caller_count, handled_at, reported_after_handled)
                select o.id, o.district, cast(?4 as text), cast(?5 as text), o.received_at, greatest(o.received_at, ?3), 2,
                       case when o.caller_phone_hash is null then 0 else 1 end
                           + case when o.caller_phone_hash = ?2 then 0 else 1 end,
                       h.at, coalesce(h.at < ?3, false)
                from o cross join lateral (select max(replied_at) as at from assignment
                                           where ticket_id = o.id and role = 'LEAD' and outcome = 'RESOLVED') h
                where o.cluster_id is null
                returning id),
            linked as (
                update ticket set cluster_id = coalesce(ticket.cluster_id, s.id) from started s where ticket.id = ?1
                returning ticket.cluster_id)
            select (select id from counted), (select id from started), (select cluster_id from linked)""";

    /**
     * Counts the new report into the original's cluster, as {@link #JOIN_OR_START} does, and returns the cluster, or
     * null when the original has none.
     */
    private static Long countIn(long original, Ticket t) {
        List<?> updated = em().createNativeQuery(COUNT_IN + """
                where c.id = (select cluster_id from ticket where id = ?1)
                returning c.id""")
                .setParameter(1, original).setParameter(2, t.callerPhoneHash).setParameter(3, t.receivedAt)
                .getResultList();
        return updated.isEmpty() ? null : ((Number) updated.get(0)).longValue();
    }

    private Ticket confirmedOriginal(long id) {
        Ticket original = Ticket.findById(id);
        if (original == null) {
            throw ProblemException.badRequest("repeatOf", "没有编号为 " + id + " 的工单。");
        }
        if (original.type == TicketType.INQUIRY) {
            throw ProblemException.badRequest("repeatOf", "工单 " + original.number + " 是咨询件，不能作为重复件的原件。");
        }
        return original;
    }

    /**
     * Earlier non-inquiry tickets sharing a place key or the caller, within the window, newest first; with
     * {@code locks}, found under those locks (CandidateQuery).
     */
    @SuppressWarnings("unchecked")
    private List<ReportFeatures> candidates(ReportFeatures f, Ticket t, String locks) {
        List<String> keys = f.placeKeys().isEmpty() ? List.of("") : List.copyOf(f.placeKeys());
        // A little past the report's own time: two calls recorded at the same moment on two instances are
        // decided one after the other, and the one decided second may carry the earlier timestamp.
        List<Long> ids = CandidateQuery.ids(em().unwrap(Session.class), locks, keys, t.receivedAt.minus(WINDOW),
                t.receivedAt.plus(RACE_SLACK), t.callerPhoneHash, t.id == null ? -1 : t.id, MAX_CANDIDATES);
        Map<Long, ReportFeatures> known = new HashMap<>(recent.getAllPresent(ids));
        List<Long> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            List<Object[]> rows = em().createNativeQuery("""
                    select id, received_at, caller_phone_hash, type, district, address, content, repeat_features
                    from ticket where id in (:ids)""").setParameter("ids", missing).getResultList();
            for (Object[] r : rows) {
                long id = ((Number) r[0]).longValue();
                ReportFeatures read = StoredFeatures.read((String) r[7], new Report(id, SqlValues.instant(r[1]),
                        (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6]));
                known.put(id, read);
                recent.put(id, read);
            }
        }
        return ids.stream().map(known::get).filter(Objects::nonNull).toList();
    }

    private static final String INDEX_PLACES = """
            insert into repeat_place_key (place_key, received_at, ticket_id)
            select k, ?1, ?2 from unnest(cast(?3 as text[])) k""";

    /**
     * The ticket's place keys, in one statement: its future repeats find it through them. Nothing in this transaction
     * looks them up again, so they go with the transaction's other pending writes; as one array, so the statement's
     * text is the same however many keys a report has.
     */
    private void indexPlaces(Ticket t, ReportFeatures f) {
        if (f.placeKeys().isEmpty()) {
            return;
        }
        writes.add(INDEX_PLACES, t.receivedAt, t.id, f.placeKeys().toArray(String[]::new));
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
