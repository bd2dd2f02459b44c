package cn.nantong.hotline.repeat;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static cn.nantong.hotline.repeat.Reports.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Place keys, place description and problem kinds of single reports. */
class ReportFeaturesTest {

    @Test
    void fullAbbreviatedAndVagueAddressesShareTheEstateKey() {
        ReportFeatures full = complaint(1, 0, "13800000001", "崇川区", "崇川区永宁路88号锦绣苑3幢", "楼下烧烤店油烟太大");
        ReportFeatures shortForm = complaint(2, 1, "13800000002", "崇川区", "锦绣苑3幢402", "烧烤油烟熏得没法开窗");
        ReportFeatures vague = complaint(3, 2, "13800000003", "崇川区", "永宁路锦绣苑附近", "晚上油烟味很重");
        assertTrue(full.placeKeys().contains("崇川区:锦绣苑"), full.placeKeys().toString());
        assertTrue(shortForm.placeKeys().contains("崇川区:锦绣苑"));
        assertTrue(vague.placeKeys().contains("崇川区:锦绣苑"));
        assertTrue(full.placeKeys().contains("崇川区:锦绣苑3幢"));
    }

    @Test
    void placesNamedOnlyInTheContentGiveKeys() {
        ReportFeatures r = complaint(1, 0, "13800000001", "崇川区", "崇川区幸福新村17幢",
                "晚上有股刺鼻的味道，从永宁路那个红星化工厂飘过来的");
        assertTrue(r.placeKeys().contains("崇川区:永宁路"), r.placeKeys().toString());
        assertTrue(r.placeKeys().contains("崇川区:红星化工厂"));
        assertTrue(r.placeKeys().contains("崇川区:幸福新村"));
    }

    @Test
    void keysAreFewAndDistrictQualified() {
        ReportFeatures r = complaint(1, 0, "13800000001", "通州区", "通州区青年路与长寿路交叉口",
                "青年路长寿路路口旁边的华联超市、育才小学、仁和医院、丽水花园、幸福新村、新华村、东方服饰门口都在修路，12路公交也改道了");
        assertTrue(r.placeKeys().size() <= 8, r.placeKeys().toString());
        assertTrue(r.placeKeys().stream().allMatch(k -> k.startsWith("通州区:")));
    }

    @Test
    void describesThePlaceShortly() {
        ReportFeatures r = complaint(1, 0, "13800000001", "崇川区", "崇川区永宁路88号锦绣苑3幢", "电梯坏了");
        assertEquals("永宁路·锦绣苑3幢", r.describePlace());
        assertEquals("崇川区", complaint(2, 0, "1", "崇川区", "", "家里停电了").describePlace());
    }

    @Test
    void findsProblemKinds() {
        assertTrue(complaint(1, 0, "1", null, "", "工地夜里打桩，噪音吵得睡不着").problemKinds()
                .containsAll(Set.of("噪声", "施工")));
        assertEquals(Set.of("供水水压"), complaint(2, 0, "1", null, "", "高层水压太低，晚上经常没水").problemKinds());
        Set<String> gas = complaint(3, 0, "1", null, "", "楼道里燃气味很重").problemKinds();
        assertTrue(gas.contains("燃气泄漏"));
        assertFalse(gas.contains("异味废气"), "the telling phrase is not counted again as a generic smell");
    }

    @Test
    void theCallerWordIsNotAPowerProblem() {
        Set<String> kinds = new HashSet<>(complaint(1, 0, "1", null, "", "来电人反映小区门口垃圾没人清运").problemKinds());
        assertEquals(Set.of("市容环卫"), kinds);
    }

    /** Features sit in the repeat cache for a minute at peak; the text they were parsed from must not sit with them. */
    @Test
    void featuresKeepTheReportsIdentityButNotItsText() {
        ReportFeatures f = complaint(7, 3, "13800000007", "崇川区", "锦绣苑3幢", "上次反映的油烟还没解决");

        assertEquals(7, f.report().id());
        assertEquals("13800000007", f.report().callerKey());
        assertEquals("COMPLAINT", f.report().type());
        assertNull(f.report().content());
        assertNull(f.report().address());
        assertTrue(f.isFollowUp());
        assertTrue(f.placeKeys().contains("崇川区:锦绣苑3幢"), f.placeKeys().toString());
    }
}
