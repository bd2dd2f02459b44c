package cn.nantong.hotline.kb;

import cn.nantong.hotline.ticket.InquiryAnswered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;

/**
 * Keeps departments' answers to transferred inquiries as drafts for the editors, in the reply's own
 * transaction: an answer given once should be in the 热线百科 for the next caller.
 */
@ApplicationScoped
public class KbDraftCollector {

    private final Clock clock;

    KbDraftCollector(Clock clock) {
        this.clock = clock;
    }

    void onInquiryAnswered(@Observes InquiryAnswered answered) {
        KbDraft d = new KbDraft();
        d.ticketId = answered.ticketId();
        d.question = answered.question();
        d.answer = answered.answer();
        d.department = answered.department();
        d.category = answered.category();
        d.createdAt = clock.instant();
        d.persist();
    }
}
