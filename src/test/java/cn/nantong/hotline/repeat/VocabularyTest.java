package cn.nantong.hotline.repeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class VocabularyTest {

    private final Vocabulary words = Vocabulary.load("/repeat/vocabulary-test.txt");

    @Test
    void theLongestWordAtAPositionWinsAndUsesUpItsCharacters() {
        assertEquals(List.of(new Vocabulary.Hit(2, 5, "菜市场", Set.of("菜场"))), words.scan("门口菜市场很乱"));
        assertEquals(List.of(new Vocabulary.Hit(0, 4, "大型超市", Set.of("超市"))), words.scan("大型超市"));
    }

    @Test
    void aPrefixOfALongerWordThatIsNoWordItselfFindsNothingThere() {
        assertEquals(List.of(), words.scan("大型超"));
        assertEquals(List.of(new Vocabulary.Hit(1, 3, "超市", Set.of("超市"))), words.scan("大超市"));
        assertEquals(List.of(new Vocabulary.Hit(3, 5, "超市", Set.of("超市")), new Vocabulary.Hit(5, 7, "小学", Set.of("小学"))),
                words.scan("大型超超市小学"));
    }

    @Test
    void aWordMayCarrySeveralLabelsAndTheFirstListedIsItsLabel() {
        assertEquals(List.of(new Vocabulary.Hit(0, 2, "学校", Set.of("小学", "学校"))), words.scan("学校"));
        assertEquals("小学", words.labelOf("学校"));
        assertNull(words.labelOf("学"));
        assertEquals(List.of(), words.scan(""));
    }
}
