package cn.nantong.hotline.repeat;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static cn.nantong.hotline.repeat.Reports.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each signal, each hard negative, the inquiry rule and learning, on hand-written reports. */
class RepeatDetectorTest {

    private final RepeatDetector detector = new RepeatDetector();

    private static final ReportFeatures LIFT = complaint(1, 0, "13900000001", "启东市", "启东市丽水花园6幢",
            "丽水花园6幢的电梯今天又把人困在里面了，维保的人一个小时才来");

    @Test
    void samePlaceAndProblemFromAnotherCallerInOtherWordsIsARepeat() {
        ReportFeatures later = complaint(2, 5, "13900000002", "启东市", "丽水花园6号楼",
                "6号楼电梯老是突然停住，门打不开，老人都不敢坐");
        RepeatMatch m = detector.match(later, List.of(LIFT)).orElseThrow();
        assertEquals(1, m.of());
        assertTrue(m.score() >= RepeatDetector.THRESHOLD);
        assertTrue(m.reasons().contains("同一小区：丽水花园6幢"), m.reasons().toString());
        assertTrue(m.reasons().contains("同类问题：电梯"), m.reasons().toString());
    }

    @Test
    void aLandmarkNamedOnlyInTheContentLinksTwoAddresses() {
        ReportFeatures first = complaint(1, 0, "13900000011", "崇川区", "崇川区永宁路红星化工厂附近",
                "红星化工厂晚上偷排废气，刺鼻的味道");
        ReportFeatures later = complaint(2, 3, "13900000012", "崇川区", "崇川区幸福新村17幢",
                "晚上一股怪味，从永宁路那个红星化工厂飘过来的，喉咙难受");
        RepeatMatch m = detector.match(later, List.of(first)).orElseThrow();
        assertTrue(m.reasons().stream().anyMatch(r -> r.startsWith("同一场所：")), m.reasons().toString());
    }

    @Test
    void sameCallerWithADifferentProblemIsNotARepeat() {
        ReportFeatures other = complaint(2, 4, "13900000001", "启东市", "启东市丽水花园6幢",
                "丽水花园6幢楼下的路灯坏了一个月，晚上黑漆漆的");
        assertEquals(Optional.empty(), detector.match(other, List.of(LIFT)));
        assertTrue(detector.rank(other, List.of(LIFT), 1).get(0).reasons().stream()
                .anyMatch(r -> r.startsWith("问题不同：")));
    }

    @Test
    void sameAddressWithADifferentProblemIsNotARepeat() {
        ReportFeatures other = complaint(2, 2, "13900000003", "启东市", "丽水花园6幢",
                "6幢顶楼有人在楼顶平台私搭阳光房，防水层都破坏了");
        assertEquals(Optional.empty(), detector.match(other, List.of(LIFT)));
    }

    @Test
    void theSameKindOfProblemAtAnotherSiteIsNotARepeat() {
        ReportFeatures elsewhere = complaint(2, 2, "13900000004", "启东市", "启东市明珠家园3幢",
                "明珠家园3幢电梯门关不严，运行的时候一直有异响");
        assertEquals(Optional.empty(), detector.match(elsewhere, List.of(LIFT)));
    }

    @Test
    void theSameCallerChasingAtTheSamePlaceNeedNotNameTheProblem() {
        ReportFeatures chase = complaint(2, 9, "13900000001", "启东市", "丽水花园6幢", "上次反映的事情到现在还没解决，有没有人管？");
        ReportFeatures stranger = complaint(3, 9, "13900000099", "启东市", "丽水花园6幢", "上次反映的事情到现在还没解决，有没有人管？");
        RepeatMatch m = detector.match(chase, List.of(LIFT)).orElseThrow();
        assertTrue(m.reasons().contains("同一来电人催办"), m.reasons().toString());
        assertEquals(Optional.empty(), detector.match(stranger, List.of(LIFT)));
    }

    @Test
    void theSameCallerAloneIsNotEnough() {
        ReportFeatures a = complaint(1, 0, "13900000005", "海安市", "", "家里今天又停电了，一点通知都没有");
        ReportFeatures b = complaint(2, 3, "13900000005", "海安市", "", "又停电了，冰箱里的东西都化了");
        assertEquals(Optional.empty(), detector.match(b, List.of(a)));
    }

    @Test
    void twoHouseNumbersOnOneRoadAreTwoSites() {
        ReportFeatures a = complaint(1, 0, "13900000031", "崇川区", "崇川区青年路12号", "楼下饭店油烟直排，熏得没法开窗");
        ReportFeatures b = complaint(2, 3, "13900000032", "崇川区", "崇川区青年路306号", "隔壁饭店油烟很大，没装净化器");
        assertEquals(Optional.empty(), detector.match(b, List.of(a)));
        assertTrue(detector.rank(b, List.of(a), 1).get(0).reasons().stream().anyMatch(r -> r.startsWith("门牌不同：")));
    }

    @Test
    void anotherDistrictIsNotARepeat() {
        ReportFeatures sameName = complaint(2, 1, "13900000006", "如皋市", "如皋市丽水花园6幢",
                "丽水花园6幢的电梯又困人了");
        assertEquals(Optional.empty(), detector.match(sameName, List.of(LIFT)));
    }

    @Test
    void anInquiryIsNeverARepeatNorTheOriginalOfOne() {
        ReportFeatures inquiry = Reports.of(2, 1, "13900000007", "INQUIRY", "启东市", "丽水花园6幢",
                "丽水花园6幢的电梯什么时候能修好？要等多久？");
        ReportFeatures complaint = complaint(3, 2, "13900000008", "启东市", "丽水花园6幢", "6幢电梯又困人了，维保不管");
        assertEquals(Optional.empty(), detector.match(inquiry, List.of(LIFT)));
        assertTrue(detector.rank(inquiry, List.of(LIFT), 5).isEmpty());
        assertEquals(Optional.empty(), detector.match(complaint, List.of(inquiry)));
        assertEquals(1, detector.match(complaint, List.of(inquiry, LIFT)).orElseThrow().of());
    }

    @Test
    void aLongerGapLowersTheScore() {
        ReportFeatures soon = complaint(2, 2, "13900000009", "启东市", "丽水花园", "电梯又坏了");
        ReportFeatures late = complaint(3, 80, "13900000009", "启东市", "丽水花园", "电梯又坏了");
        assertTrue(detector.score(soon, LIFT) > detector.score(late, LIFT));
    }

    @Test
    void closerWordingRaisesTheScore() {
        ReportFeatures close = complaint(2, 2, "13900000010", "启东市", "丽水花园",
                "电梯今天又把人困在里面了，维保的人很久才来");
        ReportFeatures loose = complaint(3, 2, "13900000010", "启东市", "丽水花园", "电梯坏了");
        assertTrue(detector.score(close, LIFT) > detector.score(loose, LIFT));
    }

    @Test
    void rankShowsCandidatesBelowTheThresholdBestFirst() {
        ReportFeatures later = complaint(2, 5, "13900000002", "启东市", "丽水花园6幢", "6幢电梯又困人了");
        ReportFeatures lamp = complaint(3, 4, "13900000001", "启东市", "丽水花园6幢", "6幢楼下路灯不亮");
        List<RepeatMatch> ranked = detector.rank(later, List.of(lamp, LIFT), 5);
        assertEquals(List.of(1L, 3L), ranked.stream().map(RepeatMatch::of).toList());
        assertTrue(ranked.get(1).score() < RepeatDetector.THRESHOLD);
    }

    @Test
    void learningMovesABorderlineDecision() {
        // Same road and same kind of problem two months apart, worded apart: just below the line by default.
        ReportFeatures a = complaint(1, 0, "13900000021", "海门区", "海门区青年路", "路灯不亮，晚上很黑");
        ReportFeatures b = complaint(2, 60, "13900000022", "海门区", "海门区青年路东段", "照明太差，走夜路害怕");
        ReportFeatures c = complaint(3, 63, "13900000023", "海门区", "海门区青年路", "这一段照明差，看不清路");
        assertTrue(detector.score(b, a) > 0.3, "borderline, not hopeless");
        assertEquals(Optional.empty(), detector.match(c, List.of(a)));
        assertEquals(Optional.empty(), detector.match(b, List.of(a)));
        for (int i = 0; i < 5; i++) {
            detector.learn(a, b, true);
        }
        assertTrue(detector.match(b, List.of(a)).isPresent());
        assertTrue(detector.match(c, List.of(a)).isPresent(), "a similar pair moves too");
    }

    @Test
    void learningThatPairsDifferPushesThemApart() {
        ReportFeatures b = complaint(2, 5, "13900000002", "启东市", "丽水花园6号楼", "6号楼电梯老是突然停住");
        double before = detector.score(b, LIFT);
        detector.learn(LIFT, b, false);
        assertTrue(detector.score(b, LIFT) < before);
    }
}
