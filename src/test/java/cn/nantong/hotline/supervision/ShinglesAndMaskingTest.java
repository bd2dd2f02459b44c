package cn.nantong.hotline.supervision;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The masking that makes edited copies equal, and the n-gram overlap measure. */
class ShinglesAndMaskingTest {

    @Test
    void masksTheDetailsACopyPasterEdits() {
        String original = "崇川区城管局于3月2日22时到场，联系人陈队长，电话0513-82110345，罚款2000元。";
        String edited = "海门区城管局于4月15日9时到场，联系人刘队长，电话13912345678，罚款500元。";
        assertEquals(ReplyText.masked(ReplyText.canonical(original)), ReplyText.masked(ReplyText.canonical(edited)));
    }

    @Test
    void keepsTheWordsThatCarryMeaning() {
        assertNotEquals(ReplyText.masked("已更换路灯"), ReplyText.masked("已疏通管道"));
    }

    @Test
    void fullWidthDigitsAreDigits() {
        assertEquals(ReplyText.masked("罚款500元"), ReplyText.masked(ReplyText.canonical("罚款５００元")));
    }

    @Test
    void stripsGreetingsAndThanksButNotContent() {
        String text = ReplyText.withoutCourtesy(ReplyText.canonical(
                "您好！已修复破损路面。感谢您对交通运输工作的支持！如有疑问，请致电12345。"));
        assertEquals("已修复破损路面。", text);
    }

    @Test
    void jaccardOfIdenticalDisjointAndPartialSets() {
        Shingles abcd = Shingles.of("甲乙丙丁", 2);
        assertEquals(3, abcd.size());
        assertEquals(1.0, abcd.jaccard(Shingles.of("甲乙丙丁", 2)));
        assertEquals(0.0, abcd.jaccard(Shingles.of("戊己庚辛", 2)));
        assertEquals(2.0 / 3, abcd.jaccard(Shingles.of("甲乙丙", 2)), 1e-9, "甲乙 and 乙丙 shared, 丙丁 not");
    }

    @Test
    void repeatedGramsCountOnceAndTinyTextsStillCompare() {
        assertEquals(1, Shingles.of("哈哈哈哈", 2).size());
        assertTrue(Shingles.of("好", 2).jaccard(Shingles.of("好", 2)) > 0.99);
        assertEquals(0, Shingles.of("", 2).size());
        assertFalse(Shingles.of("", 2).jaccard(Shingles.of("", 2)) > 0);
    }

    @Test
    void rejectsGramsThatDoNotPack() {
        assertThrows(IllegalArgumentException.class, () -> Shingles.of("甲乙丙丁戊", 5));
    }
}
