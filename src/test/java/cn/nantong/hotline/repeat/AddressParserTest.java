package cn.nantong.hotline.repeat;

import cn.nantong.hotline.repeat.Place.Named;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Address and free-text parsing: every address form, landmarks, intersections, villages and the traps. */
class AddressParserTest {

    private final AddressParser parser = new AddressParser();

    private static Set<String> keys(List<Named> names) {
        return names.stream().map(Named::key).collect(Collectors.toSet());
    }

    @Test
    void fullAddressGivesEveryPart() {
        Place p = parser.parse("崇川区永宁路88号锦绣苑3幢402室", null);
        assertEquals("崇川区", p.district());
        assertEquals(Set.of("永宁路"), keys(p.roads()));
        assertEquals(Set.of("永宁路88号"), p.roadNumbers());
        assertEquals(Set.of("锦绣苑"), keys(p.estates()));
        assertEquals(Set.of("3"), p.buildings());
    }

    @Test
    void kindWordsOfCharactersThatEndNamesComeOutAsWritten() {
        // 路, 街, 号 and 都 end a name, and the parser hides them while it scans; what it returns shows them again.
        Place p = parser.parse("城东街道人民大街12号星光名都5号楼", null);
        assertEquals("城东", p.town());
        assertEquals(List.of("人民大街"), p.roads().stream().map(Named::display).toList());
        assertEquals(Set.of("人民大街12号"), p.roadNumbers());
        assertEquals(List.of("星光名都"), p.estates().stream().map(Named::display).toList());
        assertEquals(Set.of("5"), p.buildings());
        assertEquals(Set.of("通甲路"), keys(parser.parseText("我家在通甲路的路口，都没人管", null).roads()));
    }

    @Test
    void abbreviatedAndPartialAddressesKeepTheEstate() {
        Place short1 = parser.parse("锦绣苑3幢402", null);
        Place vague = parser.parse("永宁路锦绣苑附近", null);
        assertNull(short1.district());
        assertEquals(Set.of("锦绣苑"), keys(short1.estates()));
        assertEquals(Set.of("3"), short1.buildings());
        assertEquals(Set.of("锦绣苑"), keys(vague.estates()));
        assertEquals(Set.of("永宁路"), keys(vague.roads()));
    }

    @Test
    void districtHintFillsAMissingDistrictAndWinsOverTheText() {
        assertEquals("通州区", parser.parse("锦绣苑3幢", "通州区").district());
        assertEquals("海门区", parser.parse("海门", null).district());
    }

    @Test
    void namesMayUseHanOutsideTheMainBlockButNeverAKindWordOrABoundary() {
        // U+3402 (extension A) and U+F91D (a compatibility ideograph) are Han, though outside U+4E00-U+9FFF.
        assertEquals(Set.of("\u3402福路"), keys(parser.parse("\u3402福路8号", null).roads()));
        assertEquals(Set.of("\uF91D园苑"), keys(parser.parse("\uF91D园苑2幢", null).estates()));
        // 路, 号 and boundary characters such as 的 end a name; a Braille sign is punctuation, not a name character.
        assertEquals(Set.of("永宁路"), keys(parser.parse("永宁路88号", null).roads()));
        assertEquals(Set.of("锦绣苑"), keys(parser.parse("我家的锦绣苑", null).estates()));
        assertEquals(Set.of(), keys(parser.parse("锦\u2801苑", null).estates()));
    }

    @Test
    void buildingWordsAndChineseNumeralsAgree() {
        assertEquals(Set.of("12"), parser.parse("翠竹家园12栋", null).buildings());
        assertEquals(Set.of("12"), parser.parse("翠竹家园十二号楼", null).buildings());
        assertEquals(Set.of("12"), parser.parse("翠竹家园12幢1单元", null).buildings());
    }

    @Test
    void estateSuffixesAreRecognised() {
        assertEquals(Set.of("幸福新村"), keys(parser.parse("幸福新村5幢", null).estates()));
        assertEquals(Set.of("丽水花园"), keys(parser.parse("丽水花园小区北门", null).estates()));
        assertEquals(Set.of("翠竹家园"), keys(parser.parse("翠竹家园", null).estates()));
        assertEquals(Set.of("港城小区"), keys(parser.parse("港城小区", null).estates()));
        assertEquals(Set.of("云栖府"), keys(parser.parse("云栖府工地", null).estates()));
    }

    @Test
    void aLongerPrefixStillGivesTheSameEstateKey() {
        assertEquals(keys(parser.parse("金沙锦绣苑", null).estates()), keys(parser.parse("锦绣苑", null).estates()));
    }

    @Test
    void parksSchoolsAndIndustrialZonesAreNotEstates() {
        Place p = parser.parse("滨湖公园旁边的育才幼儿园", null);
        assertTrue(p.estates().isEmpty());
        assertTrue(keys(p.landmarks()).contains("育才学校"));
        assertTrue(keys(p.landmarks()).contains("滨湖公园"));
    }

    @Test
    void ordinaryPhrasesAreNotPlaces() {
        Place p = parser.parseText("晚上路过那边，希望市场监管部门管一管，附近几家餐饮店增加小区噪音，晚上网吧也很吵", null);
        assertTrue(p.roads().isEmpty(), p.roads()::toString);
        assertTrue(p.estates().isEmpty(), p.estates()::toString);
        assertTrue(p.landmarks().isEmpty(), p.landmarks()::toString);
    }

    @Test
    void landmarksTakeTheirNameAndAKind() {
        assertEquals(Set.of("红星化工厂"), keys(parser.parse("城北路红星化工厂附近", null).landmarks()));
        assertEquals(Set.of("前进菜场"), keys(parser.parse("前进菜市场门口", null).landmarks()));
        assertEquals(Set.of("前进菜场"), keys(parser.parse("前进菜场东门", null).landmarks()));
        assertEquals(Set.of("育才学校"), keys(parser.parse("育才小学", null).landmarks()));
        assertEquals(Set.of("仁和医院"), keys(parser.parse("仁和医院住院部", null).landmarks()));
        assertEquals(Set.of("金鹰超市"), keys(parser.parse("金鹰超市", null).landmarks()));
    }

    @Test
    void aCompanyNamedByItsTradeMatchesItsFactory() {
        Set<String> company = keys(parser.parse("东方服饰有限公司", null).landmarks());
        Set<String> factory = keys(parser.parse("东方服装厂", null).landmarks());
        assertEquals(company, factory);
        assertFalse(company.isEmpty());
    }

    @Test
    void aNamelessClinicOfATownIsNamedAfterTheTown() {
        assertEquals(Set.of("岔河医院"), keys(parser.parse("岔河镇社区卫生服务中心", null).landmarks()));
        assertEquals(Set.of("岔河医院"), keys(parser.parse("岔河卫生院", null).landmarks()));
    }

    @Test
    void intersectionsMatchWhateverTheWording() {
        Set<String> a = parser.parse("长寿路与和顺路交叉口", null).intersections();
        Set<String> b = parser.parse("和顺路长寿路路口", null).intersections();
        Set<String> c = parser.parse("长寿路、和顺路十字路口", null).intersections();
        assertEquals(Set.of("和顺路×长寿路"), a);
        assertEquals(a, b);
        assertEquals(a, c);
        assertTrue(parser.parse("从长寿路到和顺路这一段", null).intersections().isEmpty());
    }

    @Test
    void villagesAndGroupsAcceptBothNumerals() {
        Place p = parser.parse("如东县岔河镇新华村三组", null);
        assertEquals("岔河", p.town());
        assertEquals(Set.of("新华村"), keys(p.villages()));
        assertEquals(Set.of("3"), p.groups());
        assertEquals(Set.of("3"), parser.parse("新华村3组", null).groups());
        assertTrue(parser.parse("村里好多村民都知道", null).villages().isEmpty());
    }

    @Test
    void placesNamedInFreeTextAreFound() {
        Place p = parser.parseText("晚上一股怪味，从永宁路那个化工厂飘过来的", null);
        assertEquals(Set.of("永宁路"), keys(p.roads()));
        assertTrue(p.landmarkTypes().contains("化工厂"));
        assertTrue(p.landmarks().isEmpty(), "an unnamed factory is a kind, not a name");
    }

    @Test
    void commonNounsAreNotRoads() {
        Place p = parser.parseText("水一直往马路上冒，一路走一路撒，整条路都是泥", null);
        assertTrue(p.roads().isEmpty(), p.roads().toString());
    }

    @Test
    void busRoutesAndRoadCodesAreKept() {
        assertEquals(Set.of("15路"), parser.parseText("15路公交车要等半小时", null).routes());
        assertEquals(Set.of("X301"), parser.parse("X301县道", null).routes());
    }

    @Test
    void aCompanyInFreeTextIsAnActorNotAPlace() {
        assertTrue(parser.parseText("燃气公司说下礼拜来修", null).landmarks().isEmpty());
        assertFalse(parser.parse("宏远物流有限公司", null).landmarks().isEmpty());
    }

    @Test
    void numeralsReadDigitsAndChinese() {
        assertEquals(3, Numerals.parse("三"));
        assertEquals(12, Numerals.parse("十二"));
        assertEquals(20, Numerals.parse("二十"));
        assertEquals(25, Numerals.parse("二十五"));
        assertEquals(2, Numerals.parse("两"));
        assertEquals(1802, Numerals.parse("1802"));
    }
}
