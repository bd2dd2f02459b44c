package cn.nantong.hotline.supervision;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The near-copy rule, its exemptions (same problem, similar complaints, shared courtesy) and the verdict. */
class TemplateReplyDetectorTest {

    private static final String NOISE_COMPLAINT = "崇川区和平桥附近一家KTV每天营业到凌晨三点，音响声音很大。";
    private static final String NOISE_REPLY = "您好！崇川区城管局执法中队于4月2日23时到该KTV检查，测得边界噪声68分贝，"
            + "已责令其关闭户外音箱并加装隔音门帘，4月5日复测噪声降至52分贝。联系人：杨队长，电话0513-85551234。"
            + "感谢您对城市管理工作的支持！";
    /** The same text pasted onto a pothole complaint, with district, date, name and phone edited. */
    private static final String NOISE_REPLY_EDITED = "您好！如东县城管局执法中队于4月9日22时到该KTV检查，测得边界噪声66分贝，"
            + "已责令其关闭户外音箱并加装隔音门帘，4月12日复测噪声降至50分贝。联系人：马队长，电话0513-84449876。"
            + "感谢您对城市管理工作的支持！";
    private static final String POTHOLE_COMPLAINT = "如东县掘港镇一条村道路面塌陷出一个大坑，晚上骑车很危险。";

    private final TemplateReplyDetector detector = new TemplateReplyDetector();

    @Test
    void flagsAnEditedCopyOfAReplyToADifferentComplaint() {
        ReplyVerdict verdict = detector.check(20, null, POTHOLE_COMPLAINT, NOISE_REPLY_EDITED,
                List.of(new EarlierReply(10, null, NOISE_COMPLAINT, NOISE_REPLY)));

        assertTrue(verdict.flagged());
        assertTrue(verdict.nearCopy());
        assertFalse(verdict.vague(), "the copied text itself reads concrete; only the copy rule catches it");
        assertEquals(1, verdict.copies().size());
        assertEquals(10, verdict.copies().get(0).ticketId());
        assertTrue(verdict.copies().get(0).similarity() > 0.9, "dates, names and phones are masked");
        assertTrue(verdict.reasons().get(0).contains("10"), verdict.reasons().toString());
    }

    @Test
    void aFollowUpOnTheSameTicketIsNotACopy() {
        ReplyVerdict verdict = detector.check(10, null, NOISE_COMPLAINT, NOISE_REPLY_EDITED,
                List.of(new EarlierReply(10, null, NOISE_COMPLAINT, NOISE_REPLY)));

        assertFalse(verdict.nearCopy());
        assertFalse(verdict.flagged());
    }

    @Test
    void aFollowUpInTheSameRepeatClusterIsNotACopy() {
        String repeatComplaint = "和平桥那家KTV昨晚又吵到三点，上次处理完没几天又这样。";
        ReplyVerdict verdict = detector.check(11, 7L, repeatComplaint, NOISE_REPLY_EDITED,
                List.of(new EarlierReply(10, 7L, NOISE_COMPLAINT, NOISE_REPLY)));

        assertFalse(verdict.nearCopy());
    }

    @Test
    void ticketsOutsideAnyClusterAreDifferentProblems() {
        ReplyVerdict verdict = detector.check(20, null, POTHOLE_COMPLAINT, NOISE_REPLY_EDITED,
                List.of(new EarlierReply(10, null, NOISE_COMPLAINT, NOISE_REPLY),
                        new EarlierReply(12, 3L, "另一个问题", "无关的答复内容，与本次答复毫无相同之处。")));

        assertEquals(List.of(10L), verdict.copies().stream().map(ReplyVerdict.CopiedReply::ticketId).toList());
    }

    @Test
    void nearlyIdenticalComplaintsRaiseTheBarForACopy() {
        String sameKindOfComplaint = "崇川区和平桥附近一家KTV每天营业到凌晨两点，音响声音特别大。";
        String sameReplySlightlyEdited = NOISE_REPLY_EDITED.replace("加装隔音门帘", "更换隔音门窗");

        ReplyVerdict unrelated = detector.check(20, null, POTHOLE_COMPLAINT, sameReplySlightlyEdited,
                List.of(new EarlierReply(10, null, NOISE_COMPLAINT, NOISE_REPLY)));
        ReplyVerdict probableRepeat = detector.check(21, null, sameKindOfComplaint, sameReplySlightlyEdited,
                List.of(new EarlierReply(10, null, NOISE_COMPLAINT, NOISE_REPLY)));

        assertTrue(unrelated.nearCopy());
        assertFalse(probableRepeat.nearCopy(), "one answer to the same complaint twice is a missed repeat");
    }

    @Test
    void sharingTheStandardOpeningAndClosingIsNotACopy() {
        String lightComplaint = "崇川区钟秀路路灯坏了半个月，晚上一片漆黑。";
        String lightReply = "您好！崇川区城管局路灯所于4月3日派员检修，钟秀路共有7盏路灯镇流器损坏，已全部更换，"
                + "当晚恢复照明。感谢您对城市管理工作的支持！";

        ReplyVerdict verdict = detector.check(30, null, lightComplaint, lightReply,
                List.of(new EarlierReply(10, null, NOISE_COMPLAINT, NOISE_REPLY)));

        assertFalse(verdict.flagged(), verdict.reasons().toString());
    }

    @Test
    void flagsAnEmptyReplyAsVagueAndNamesItsStockPhrases() {
        ReplyVerdict verdict = detector.check(40, null, "通州区一条河道里漂满了水葫芦。",
                "您好！您反映的问题我们已收悉，对此高度重视，已转相关部门处理，请耐心等待。", List.of());

        assertTrue(verdict.flagged());
        assertTrue(verdict.vague());
        assertFalse(verdict.nearCopy());
        assertTrue(verdict.reasons().get(0).contains("高度重视"), verdict.reasons().toString());
        assertTrue(verdict.reasons().get(0).contains("相关部门"), verdict.reasons().toString());
    }

    @Test
    void aVagueCopyIsFlaggedByBothRules() {
        String stock = "您好！对您反映的问题我局十分重视，将进一步加强监管，切实维护群众合法权益。";
        String edited = "您好！对您反映的情况我局非常重视，将进一步加强监管，切实维护群众的合法权益。";

        ReplyVerdict verdict = detector.check(51, null, "海门区一家网吧接纳未成年人上网。", edited,
                List.of(new EarlierReply(50, null, "启东市一家商场电梯扶手经常停。", stock)));

        assertTrue(verdict.nearCopy());
        assertTrue(verdict.vague());
        assertEquals(2, verdict.reasons().size());
    }

    @Test
    void aShortConcreteReplyIsNeitherACopyNorVague() {
        ReplyVerdict verdict = detector.check(60, null, "海安市一个公交站牌被撞倒了。",
                "已于4月8日上午重新安装站牌，并加固了基座。", List.of());

        assertFalse(verdict.flagged(), verdict.reasons().toString());
    }

    @Test
    void showsAtMostFiveCopiesMostSimilarFirst() {
        String stock = "您好！您的诉求已收到，正在调查核实中，待有结果后及时告知您，请耐心等待。";
        List<EarlierReply> earlier = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> new EarlierReply(100 + i, null, "第" + i + "件完全不同的诉求：" + "甲乙丙丁戊己庚辛".charAt(i),
                        i == 3 ? stock : stock.replace("请耐心等待", "请您耐心等候")))
                .toList();

        ReplyVerdict verdict = detector.check(200, null, "一件新的诉求", stock, earlier);

        assertEquals(5, verdict.copies().size());
        assertEquals(103, verdict.copies().get(0).ticketId());
        assertEquals(1.0, verdict.copies().get(0).similarity());
        assertTrue(verdict.reasons().get(0).contains("8条"), "the reason counts every copy: " + verdict.reasons());
    }

    @Test
    void rejectsNonsensicalThresholds() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TemplateReplyDetector(0, 0.5));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new TemplateReplyDetector(0.5, -1));
    }
}
