package cn.nantong.hotline.kb.index;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentedTextTest {

    @Test
    void wordsAreFoldedAndKeepWhereTheyStand() {
        String text = "我的ＥＴＣ卡扣费两次，高速公路";
        SegmentedText s = SegmentedText.of(text);
        List<String> words = s.words().stream().map(SegmentedText.Word::text).toList();
        assertTrue(words.contains("etc"), () -> "full-width and upper case folded: " + words);
        assertTrue(words.containsAll(List.of("高速", "公路")), () -> words.toString());
        SegmentedText.Word card = s.words().get(words.indexOf("etc"));
        assertEquals("ＥＴＣ", text.substring(card.start(), card.end()), "offsets point into the text as it was given");
        SegmentedText.Word road = s.words().get(words.indexOf("公路"));
        assertEquals(text.length(), road.end());
        assertEquals("公路", text.substring(road.start(), road.end()));
    }

    @Test
    void wordsWithinStopAtTheFirstWordThatRunsPastTheLimit() {
        SegmentedText s = SegmentedText.of("公积金提取需要什么材料");
        List<SegmentedText.Word> all = s.words();
        int limit = all.get(1).end();
        assertEquals(all.subList(0, 2), s.wordsWithin(limit));
        assertEquals(all.subList(0, 1), s.wordsWithin(limit - 1));
        assertEquals(all, s.wordsWithin(1000));
        assertEquals(List.of(), s.wordsWithin(0));
    }

    @Test
    void blankOrMissingTextHasNoWords() {
        assertEquals(List.of(), SegmentedText.of(null).words());
        assertEquals(List.of(), SegmentedText.of(" \n ").words());
        assertEquals("", SegmentedText.of(null).text());
    }
}
