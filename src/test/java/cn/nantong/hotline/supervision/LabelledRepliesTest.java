package cn.nantong.hotline.supervision;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the labelled replies per department in time order, each checked against that department's earlier
 * replies in the set, and measures {@code flagged} against the labels (TEMPLATE or VAGUE = positive).
 */
class LabelledRepliesTest {

    /** Tally of one group of replies. */
    private static final class Tally {
        int truePositive;
        int falsePositive;
        int falseNegative;
        int total;

        void add(boolean predicted, boolean actual) {
            total++;
            if (predicted && actual) {
                truePositive++;
            } else if (predicted) {
                falsePositive++;
            } else if (actual) {
                falseNegative++;
            }
        }

        double precision() {
            return truePositive + falsePositive == 0 ? 1 : (double) truePositive / (truePositive + falsePositive);
        }

        double recall() {
            return truePositive + falseNegative == 0 ? 1 : (double) truePositive / (truePositive + falseNegative);
        }

        String line(String name) {
            return String.format(Locale.ROOT, "%-22s n=%3d TP=%3d FP=%2d FN=%2d precision=%.3f recall=%.3f",
                    name, total, truePositive, falsePositive, falseNegative, precision(), recall());
        }
    }

    @Test
    void flagsTemplatesAndVagueRepliesWithHighPrecisionAndRecall() {
        TemplateReplyDetector detector = new TemplateReplyDetector();
        Tally all = new Tally();
        Tally copiesOfConcrete = new Tally();
        List<String> report = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<LabelledReplySet.Row>> department : LabelledReplySet.byDepartment().entrySet()) {
            Tally tally = new Tally();
            List<EarlierReply> earlier = new ArrayList<>();
            for (LabelledReplySet.Row row : department.getValue()) {
                ReplyVerdict verdict = detector.check(row.ticketId(), row.clusterId(), row.ticketContent(),
                        row.reply(), List.copyOf(earlier));
                earlier.add(0, row.asEarlier());
                tally.add(verdict.flagged(), row.positive());
                all.add(verdict.flagged(), row.positive());
                if ("TEMPLATE".equals(row.label()) && !verdict.vague()) {
                    copiesOfConcrete.add(verdict.nearCopy(), true);
                }
                if (verdict.flagged() != row.positive()) {
                    errors.add(row.ticketId() + " " + row.label() + " -> " + verdict.reasons() + " : " + row.reply());
                }
            }
            report.add(tally.line(department.getKey()));
        }
        report.forEach(System.out::println);
        System.out.println(all.line("ALL"));
        System.out.println(copiesOfConcrete.line("copies of concrete text"));
        errors.forEach(e -> System.out.println("MISS " + e));

        assertTrue(all.total >= 90, "labelled set too small: " + all.total);
        assertTrue(all.precision() >= 0.90, all.line("ALL"));
        assertTrue(all.recall() >= 0.80, all.line("ALL"));
    }
}
