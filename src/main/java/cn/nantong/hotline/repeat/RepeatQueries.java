package cn.nantong.hotline.repeat;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.privacy.PhoneVault;
import cn.nantong.hotline.ticket.PhoneNumbers;
import cn.nantong.hotline.ticket.Ticket;
import cn.nantong.hotline.ticket.TicketRequests;
import cn.nantong.hotline.ticket.TicketType;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of repeats: candidates for a draft call, and a cluster with its reports. */
@ApplicationScoped
@Transactional
public class RepeatQueries {

    static final int CANDIDATES_SHOWN = 5;

    private final RepeatService repeats;
    private final RepeatLearning learning;
    private final Clock clock;
    private final PhoneVault vault;

    RepeatQueries(RepeatService repeats, RepeatLearning learning, Clock clock, PhoneVault vault) {
        this.vault = vault;
        this.repeats = repeats;
        this.learning = learning;
        this.clock = clock;
    }

    public List<RepeatViews.Candidate> candidates(TicketRequests.Intake draft) {
        if (draft.type() == TicketType.INQUIRY) {
            return List.of();
        }
        String phone = PhoneNumbers.normalise(draft.callerPhone()).orElseThrow(() ->
                ProblemException.badRequest("callerPhone", "来电号码不是有效的手机号或固定电话号码。"));
        List<RepeatMatch> matches = repeats.candidatesFor(new Report(-1, clock.instant(), vault.hash(phone), draft.type().name(),
                draft.district(), draft.address(), draft.content()), CANDIDATES_SHOWN);
        Map<Long, Ticket> byId = Ticket.<Ticket>list("id in ?1", matches.stream().map(RepeatMatch::of).toList())
                .stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
        return matches.stream().map(m -> {
            Ticket t = byId.get(m.of());
            return new RepeatViews.Candidate(t.id, t.number, t.status.name(), t.receivedAt, t.district, t.address,
                    t.contentPreview(), t.clusterId, m.score(), m.score() >= RepeatDetector.THRESHOLD, m.reasons());
        }).toList();
    }

    public RepeatViews.ClusterView cluster(long id) {
        RepeatCluster c = RepeatCluster.findById(id);
        if (c == null) {
            throw ProblemException.notFound("没有编号为 " + id + " 的重复件簇。");
        }
        List<RepeatViews.ClusterTicket> tickets = Ticket.<Ticket>list("clusterId", Sort.by("receivedAt", "id"), id).stream()
                .map(t -> new RepeatViews.ClusterTicket(t.id, t.number, t.status.name(), t.type.name(), t.receivedAt,
                        t.repeatOf, t.address, t.contentPreview())).toList();
        return new RepeatViews.ClusterView(c.id, c.district, c.place, c.problemKind, c.reportCount, c.callerCount,
                c.firstAt, c.lastAt, c.handledAt, c.reportedAfterHandled, tickets);
    }
}
