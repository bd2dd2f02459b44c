package cn.nantong.hotline.supervision;

import cn.nantong.hotline.supervision.ConcretenessAnalyzer.Evidence;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each kind of concrete evidence, and the padding that must not count as evidence. */
class ConcretenessAnalyzerTest {

    private final ConcretenessAnalyzer analyzer = new ConcretenessAnalyzer();

    private Set<Evidence> evidence(String reply) {
        return analyzer.assess(reply).evidence();
    }

    private boolean concrete(String reply) {
        return analyzer.assess(reply).score() >= ConcretenessAnalyzer.CONCRETE_SCORE;
    }

    @Test
    void anActionTakenIsEvidence() {
        assertTrue(evidence("执法人员已对该商户立案调查。").contains(Evidence.ACTION));
        assertTrue(concrete("已约谈物业负责人。"));
    }

    @Test
    void aPromisedActionIsNot() {
        assertFalse(evidence("我局将进一步加强巡查，尽快安排人员现场核查。").contains(Evidence.ACTION));
        assertFalse(evidence("如情况属实，将依法依规严肃处罚。").contains(Evidence.ACTION));
        assertFalse(concrete("目前正在调查处理中，请耐心等待。"));
    }

    @Test
    void theDisposalParticleIsNotTheFutureTense() {
        assertTrue(evidence("施工单位已将破损护栏全部拆除。").contains(Evidence.ACTION));
    }

    @Test
    void aResultOrFindingIsEvidence() {
        assertTrue(evidence("经检测，出水各项指标符合标准。").contains(Evidence.RESULT));
        assertTrue(evidence("停电原因为线路老化所致。").contains(Evidence.RESULT));
        assertTrue(concrete("经核实，您反映的情况不属实。"));
    }

    @Test
    void aNegativeFindingIsAResultToo() {
        assertTrue(concrete("经现场监测，该企业系正常生产行为，未发现超标排放。"));
        assertTrue(evidence("工作人员已电话回复您，您对处理结果表示满意。").contains(Evidence.RESULT));
    }

    @Test
    void handledWithoutSayingWhatIsNotAResult() {
        assertFalse(concrete("您反映的问题我局高度重视，目前已基本处理完毕。"));
        assertTrue(analyzer.assess("目前已处理完毕。").emptyPhrases().contains("处理完毕"));
    }

    @Test
    void datesAndDeadlinesAreTimeEvidence() {
        assertTrue(evidence("已联系供电所，明天上午来修。").contains(Evidence.TIME));
        assertTrue(evidence("维修人员4月3日上门。").contains(Evidence.TIME));
        assertTrue(evidence("请物业两个工作日内答复。").contains(Evidence.TIME));
        assertTrue(evidence("要求本周五前整改到位。").contains(Evidence.TIME));
    }

    @Test
    void theCallersOwnCallDateIsNotTimeEvidence() {
        assertFalse(evidence("您于2026年4月1日10时05分来电反映的问题已收悉。").contains(Evidence.TIME));
        assertFalse(evidence("您4月1日反映的问题已收悉。").contains(Evidence.TIME));
    }

    @Test
    void namedUnitsPeopleAndPhonesAreResponsibleParties() {
        assertTrue(evidence("已交由观音山街道办理。").contains(Evidence.RESPONSIBLE));
        assertTrue(evidence("工作人员刘某已与您联系。").contains(Evidence.RESPONSIBLE));
        assertTrue(evidence("联系电话0513-86001234。").contains(Evidence.RESPONSIBLE));
        assertTrue(evidence("联系人：顾工。").contains(Evidence.RESPONSIBLE));
    }

    @Test
    void genericReferencesAreNotNamedUnits() {
        assertFalse(evidence("已转相关科室办理。").contains(Evidence.RESPONSIBLE));
        assertFalse(evidence("我局高度重视。").contains(Evidence.RESPONSIBLE));
        assertFalse(evidence("已交属地街道处理。").contains(Evidence.RESPONSIBLE));
        assertFalse(evidence("任何工作都要落实。").contains(Evidence.RESPONSIBLE), "任何工 is not Mr 何");
    }

    @Test
    void aNamedUnitAloneIsVagueButWithADeadlineItIsConcrete() {
        assertFalse(concrete("您反映的问题已交由观音山街道办理，请耐心等待。"));
        assertTrue(concrete("您反映的问题已交由观音山街道办理，街道将于4月10日前答复您。"));
    }

    @Test
    void numbersThatSayNothingKeepAReplyVague() {
        String reply = "您好！您于2026年4月2日9时30分反映的问题（工单编号20260402-0930）已收悉，"
                + "我局将在5个工作日内予以办理，请您耐心等待。";
        assertEquals(Set.of(Evidence.TIME), evidence(reply), "only the deadline counts, and alone it is not enough");
        assertFalse(concrete(reply));
    }

    @Test
    void departmentStatisticsAreNotAboutThisComplaint() {
        assertFalse(concrete("今年以来我局累计立案查处违法案件120件，罚款金额300万元，下一步将持续加大力度。"));
    }

    @Test
    void quantitiesCountOnce() {
        assertEquals(Set.of(Evidence.QUANTITY), evidence("共涉及资金1.2万元。"));
    }

    @Test
    void stepByStepGuidanceAnswersAnInquiry() {
        String reply = "您好！可通过“苏服办”APP在线申请，也可携带身份证和户口簿到街道便民服务中心窗口办理。";
        assertTrue(evidence(reply).contains(Evidence.GUIDANCE));
        assertTrue(concrete(reply));
    }

    @Test
    void reportsTheStockPhrasesItFinds() {
        assertTrue(analyzer.assess("您反映的问题已收悉，我局高度重视，已转相关部门处理。").emptyPhrases()
                .containsAll(java.util.List.of("已收悉", "高度重视", "相关部门")));
    }

    @Test
    void contentAfterAThankYouInTheSameSentenceStillCounts() {
        assertTrue(concrete("感谢您的耐心等待，维修人员已于4月5日更换了水表。"));
    }

    @Test
    void courtesyAloneIsNotContent() {
        assertTrue(evidence("您好！感谢您对我们工作的支持与理解！如有疑问请拨打12345。").isEmpty());
    }
}
