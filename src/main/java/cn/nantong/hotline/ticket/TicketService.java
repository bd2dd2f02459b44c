package cn.nantong.hotline.ticket;

import cn.nantong.hotline.common.ClockProducer;
import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.kb.KbEntry;
import cn.nantong.hotline.kb.index.SegmentedText;
import cn.nantong.hotline.privacy.PhoneVault;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The transaction boundary of tickets: intake, every lifecycle action, and who may see what. */
@ApplicationScoped
public class TicketService {

    private final Directory directory;
    private final Clock clock;
    private final TicketLifecycle lifecycle;
    private final Event<InquiryAnswered> inquiryAnswered;
    private final Event<TicketReceived> received;
    private final Event<TicketRecorded> recorded;
    private final Event<TicketActed> acted;
    private final PhoneVault vault;
    private final Timeline timeline;
    /** Ticket number counters, in blocks of the sequence's increment (migration V14). */
    private final CounterBlocks numbers = new CounterBlocks(50, () -> ((Number) Panache.getEntityManager()
            .createNativeQuery("select nextval('ticket_number_seq')").getSingleResult()).longValue());

    TicketService(Directory directory, Clock clock, TimeLimits limits, Event<InquiryAnswered> inquiryAnswered,
                  Event<TicketReceived> received, Event<TicketRecorded> recorded, Event<TicketActed> acted, PhoneVault vault,
                  Timeline timeline) {
        this.directory = directory;
        this.timeline = timeline;
        this.vault = vault;
        this.clock = clock;
        this.lifecycle = new TicketLifecycle(limits);
        this.inquiryAnswered = inquiryAnswered;
        this.received = received;
        this.recorded = recorded;
        this.acted = acted;
    }

    /** A department's reply; a reply to a transferred inquiry is also offered to the knowledge base. */
    public void reply(Ticket t, String department, String text, Assignment.Outcome outcome, String actor) {
        lifecycle.reply(t, department, text, outcome, actor, now());
        if (t.type == TicketType.INQUIRY) {
            inquiryAnswered.fire(new InquiryAnswered(t.id, t.content, text, department, t.category));
        }
    }

    public TicketLifecycle lifecycle() {
        return lifecycle;
    }

    /** Records a call. {@code imported} allows the history-import fields (receivedAt, department). */
    @Transactional
    public Ticket intake(TicketRequests.Intake r, String actor, boolean imported) {
        Ticket t = new TicketIntake(directory, vault).validate(r, imported);
        t.receivedAt = imported && r.receivedAt() != null ? r.receivedAt().toInstant() : clock.instant();
        if (!t.answeredWith.isEmpty()) {
            List<String> unknown = t.answeredWith.stream().filter(id -> {
                KbEntry e = KbEntry.findById(id);
                return e == null || e.retired;
            }).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.badRequest("answeredWith", "热线百科中没有这些条目：" + String.join("、", unknown) + "。");
            }
        }
        t.number = TicketNumbers.format(t.receivedAt, ClockProducer.CITY_ZONE, numbers.next());
        t.recordedBy = actor;
        if (t.status == TicketStatus.CLOSED) {
            t.closedAt = t.receivedAt;
        }
        List<Long> notRepeatOf = r.notRepeatOf() == null ? List.of() : r.notRepeatOf();
        received.fire(new TicketReceived(t, SegmentedText.of(t.content), r.repeatOf(), notRepeatOf));
        t.persist();
        t.record(t.receivedAt, actor, imported ? "import" : "intake", null, t.handledBy,
                t.status == TicketStatus.ANSWERED ? "当场答复，引用热线百科：" + String.join("、", t.answeredWith) : null);
        timeline.append(t);
        recorded.fire(new TicketRecorded(t, imported, r.repeatOf(), notRepeatOf, actor));
        timeline.append(t);
        return t;
    }

    /**
     * Runs one lifecycle action on a ticket the user may see. The version is bumped on every action, even one
     * that only changes an assignment, so two people acting at once always conflict instead of both winning.
     */
    @Transactional
    public Ticket act(long id, Access access, String actionName, Consumer<Ticket> action) {
        Ticket t = visible(id, access);
        var em = Panache.getEntityManager();
        em.lock(t, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        action.accept(t);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw ProblemException.conflict("工单 " + t.number + " 刚被他人更新，请刷新后重试。");
        }
        timeline.append(t);
        acted.fire(new TicketActed(t, actionName, access.isDepartment() ? access.department() : null, access.username(),
                clock.instant()));
        timeline.append(t);
        return t;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The ticket, or 404 when it does not exist or the user's department never had it. */
    @Transactional
    public Ticket visible(long id, Access access) {
        Ticket t = Ticket.findById(id);
        if (t == null || (access.isDepartment()
                && t.assignments.stream().noneMatch(a -> a.department.equals(access.department())))) {
            throw ProblemException.notFound("没有编号为 " + id + " 的工单，或您无权查看。");
        }
        return t;
    }

    public String departmentName(String code) {
        return directory.name(code);
    }

    public void checkDepartment(String field, String code) {
        directory.requireDepartment(field, code);
    }
}
