package cn.nantong.hotline.kb;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VersionDiffTest {

    private static KbDocument doc(String title, List<String> keywords, String body, LocalDate reviewBy) {
        return new KbDocument("ed-diff", title, "户籍", "public-security", keywords, body, null, reviewBy);
    }

    @Test
    void marksChangedCharactersAddedAndRemovedLinesAndChangedFields() {
        KbDocument older = doc("新生儿落户", List.of("落户"), "## 所需材料\n出生医学证明原件\n父母户口簿\n## 办理时限",
                LocalDate.of(2026, 1, 31));
        KbDocument newer = doc("新生儿落户", List.of("落户", "报户口"), "## 所需材料\n出生医学证明复印件\n## 办理时限\n当场办结",
                LocalDate.of(2027, 1, 31));

        VersionDiff.Result diff = VersionDiff.between(older, newer, code -> "市公安局");

        assertFalse(diff.identical());
        assertEquals(List.of(
                new VersionDiff.Line(VersionDiff.Kind.SAME, "## 所需材料"),
                new VersionDiff.Line(VersionDiff.Kind.CHANGED, "出生医学证明<del>原</del><ins>复印</ins>件"),
                new VersionDiff.Line(VersionDiff.Kind.REMOVED, "<del>父母户口簿</del>"),
                new VersionDiff.Line(VersionDiff.Kind.SAME, "## 办理时限"),
                new VersionDiff.Line(VersionDiff.Kind.ADDED, "<ins>当场办结</ins>")), diff.body());
        assertEquals(new VersionDiff.Field("标题", false, "新生儿落户"), diff.fields().get(0));
        assertEquals(new VersionDiff.Field("主管部门", false, "市公安局"), diff.fields().get(2));
        assertEquals(new VersionDiff.Field("关键词", true, "落户<ins>、报户口</ins>"), diff.fields().get(3));
        assertEquals(new VersionDiff.Field("复核日期", true, "202<del>6</del><ins>7</ins>-01-31"), diff.fields().get(5));
    }

    @Test
    void escapesMarkupSoOnlyTheDiffsOwnTagsAreHtml() {
        KbDocument older = doc("标题", List.of(), "正文", null);
        KbDocument newer = doc("标题<b>", List.of(), "正文\n<script>alert(1)</script>", null);

        VersionDiff.Result diff = VersionDiff.between(older, newer, code -> code);

        assertEquals("标题<ins>&lt;b&gt;</ins>", diff.fields().get(0).html());
        assertEquals(new VersionDiff.Line(VersionDiff.Kind.ADDED, "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"),
                diff.body().get(1));
    }

    @Test
    void theSameContentIsIdentical() {
        KbDocument d = doc("标题", List.of("a"), "正文\n第二行", LocalDate.of(2027, 1, 1));

        VersionDiff.Result diff = VersionDiff.between(d, d, code -> code);

        assertTrue(diff.identical());
        assertTrue(diff.body().stream().allMatch(l -> l.kind() == VersionDiff.Kind.SAME));
    }
}
