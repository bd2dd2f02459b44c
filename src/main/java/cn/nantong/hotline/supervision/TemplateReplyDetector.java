package cn.nantong.hotline.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Flags department replies that are templates (模板化答复): near-copies of the department's earlier replies to
 * other problems, or replies that say nothing concrete. Thread-safe; keeps a bounded cache of fingerprints
 * because the same recent replies are compared again on every new reply of the department.
 */
public final class TemplateReplyDetector {

    /** Reply similarity needed to call a copy when the two complaints share nothing. */
    public static final double DEFAULT_COPY_THRESHOLD = 0.55;
    /**
     * How much each unit of complaint similarity raises that bar: one reply to two near-identical complaints is
     * likely a repeat the clustering missed, the same reply to unrelated complaints is the smell.
     */
    public static final double DEFAULT_TICKET_PENALTY = 0.6;
    /** Complaint bigram overlap below this is shared wording ("一家", "小区"), not a shared problem. */
    static final double UNRELATED_TICKETS = 0.15;
    /** Replies with fewer substantive bigrams than this are too short to call anything a copy of them. */
    static final int MIN_SHINGLES = 8;
    /** The verdict lists the closest copies only; the reason still counts them all. */
    private static final int MAX_COPIES_SHOWN = 5;
    private static final int CACHE_SIZE = 4096;

    private final double copyThreshold;
    private final double ticketPenalty;
    private final ConcretenessAnalyzer analyzer = new ConcretenessAnalyzer();
    private final Map<String, Shingles> replyPrints = lru();
    private final Map<String, Shingles> ticketPrints = lru();

    public TemplateReplyDetector() {
        this(DEFAULT_COPY_THRESHOLD, DEFAULT_TICKET_PENALTY);
    }

    public TemplateReplyDetector(double copyThreshold, double ticketPenalty) {
        if (copyThreshold <= 0 || copyThreshold > 1 || ticketPenalty < 0) {
            throw new IllegalArgumentException("copyThreshold in (0,1], ticketPenalty >= 0");
        }
        this.copyThreshold = copyThreshold;
        this.ticketPenalty = ticketPenalty;
    }

    /** earlier = the same department's most recent replies (the caller passes at most ~200). */
    public ReplyVerdict check(long ticketId, Long clusterId, String ticketContent, String replyText,
                              List<EarlierReply> earlier) {
        List<ReplyVerdict.CopiedReply> allCopies = findCopies(ticketId, clusterId, ticketContent, replyText, earlier);
        List<ReplyVerdict.CopiedReply> copies = allCopies.subList(0, Math.min(allCopies.size(), MAX_COPIES_SHOWN));
        ConcretenessAnalyzer.Assessment assessment = analyzer.assess(replyText == null ? "" : replyText);
        boolean vague = assessment.score() < ConcretenessAnalyzer.CONCRETE_SCORE;

        List<String> reasons = new ArrayList<>();
        if (!copies.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "与本部门此前对其他问题的%d条答复高度雷同（最高相似度%.2f，工单%s）",
                    allCopies.size(), copies.get(0).similarity(),
                    copies.stream().map(c -> String.valueOf(c.ticketId())).collect(Collectors.joining("、"))));
        }
        if (vague) {
            reasons.add(vagueReason(assessment));
        }
        return new ReplyVerdict(!copies.isEmpty() || vague, !copies.isEmpty(), vague, reasons, copies);
    }

    private List<ReplyVerdict.CopiedReply> findCopies(long ticketId, Long clusterId, String ticketContent,
                                                      String replyText, List<EarlierReply> earlier) {
        Shingles reply = print(replyPrints, replyText, TemplateReplyDetector::replyPrint);
        if (reply.size() < MIN_SHINGLES || earlier == null) {
            return List.of();
        }
        Shingles ticket = print(ticketPrints, ticketContent, TemplateReplyDetector::ticketPrint);
        List<ReplyVerdict.CopiedReply> copies = new ArrayList<>();
        for (EarlierReply other : earlier) {
            if (other.answersSameProblem(ticketId, clusterId)) {
                continue;
            }
            double similarity = reply.jaccard(print(replyPrints, other.text(), TemplateReplyDetector::replyPrint));
            if (similarity < copyThreshold) {
                continue;
            }
            double ticketSimilarity = ticket.jaccard(print(ticketPrints, other.ticketContent(),
                    TemplateReplyDetector::ticketPrint));
            if (similarity >= copyThreshold + ticketPenalty * Math.max(0, ticketSimilarity - UNRELATED_TICKETS)) {
                copies.add(new ReplyVerdict.CopiedReply(other.ticketId(), round(similarity)));
            }
        }
        copies.sort(Comparator.comparingDouble(ReplyVerdict.CopiedReply::similarity).reversed());
        return copies;
    }

    private static String vagueReason(ConcretenessAnalyzer.Assessment assessment) {
        StringBuilder reason = new StringBuilder("答复内容空泛：未说明具体处置措施、处理结果、时间节点或责任单位/人员");
        if (!assessment.evidence().isEmpty()) {
            reason.append("（仅有").append(assessment.evidence().stream().map(e -> e.label)
                    .collect(Collectors.joining("、"))).append("）");
        }
        if (!assessment.emptyPhrases().isEmpty()) {
            reason.append("；套话：").append(String.join("、", assessment.emptyPhrases()));
        }
        return reason.toString();
    }

    /**
     * Bigrams rather than trigrams: a copy-paster's edit of one character ("问题" to "情况") then costs two
     * shingles instead of three, which matters for the short stock replies.
     */
    static Shingles replyPrint(String text) {
        return Shingles.of(ReplyText.masked(ReplyText.withoutCourtesy(ReplyText.canonical(text))), 2);
    }

    static Shingles ticketPrint(String text) {
        return Shingles.of(ReplyText.masked(ReplyText.canonical(text)), 2);
    }

    private static Shingles print(Map<String, Shingles> cache, String text, Function<String, Shingles> maker) {
        String key = text == null ? "" : text;
        synchronized (cache) {
            Shingles cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Shingles made = maker.apply(key);
        synchronized (cache) {
            cache.put(key, made);
        }
        return made;
    }

    private static double round(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }
}
