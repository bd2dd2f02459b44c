package cn.nantong.hotline.kb;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KbFileParserTest {

    private final KbFileParser parser = new KbFileParser(Set.of("public-security", "gas")::contains);

    private static String file(String frontMatter, String body) {
        return "---\n" + frontMatter + "\n---\n" + body;
    }

    @Test
    void readsFrontMatterAndBody() throws Exception {
        KbDocument doc = parser.parse(file("""
                id: id-card
                title: 居民身份证补领
                category: 户籍与身份证
                department: public-security
                keywords: [身份证, 补办]
                effective: 2025-01-01
                review_by: 2026-12-31""", "## 所需材料\n户口簿。\n"));
        assertEquals("id-card", doc.id());
        assertEquals(List.of("身份证", "补办"), doc.keywords());
        assertEquals(LocalDate.of(2026, 12, 31), doc.reviewBy());
        assertEquals("## 所需材料\n户口簿。", doc.body());
        assertTrue(doc.isStale(LocalDate.of(2027, 1, 1)));
        assertTrue(!doc.isStale(LocalDate.of(2026, 12, 31)));
    }

    @Test
    void toleratesByteOrderMarkAndWindowsLineEndings() throws Exception {
        KbDocument doc = parser.parse("\uFEFF---\r\nid: a\r\ntitle: 标题\r\ncategory: c\r\ndepartment: gas\r\n---\r\n正文\r\n");
        assertEquals("a", doc.id());
        assertEquals("正文", doc.body());
    }

    @Test
    void refusesEachBrokenRuleWithTheKeyAtFault() {
        assertReason(null, "missing front matter", "id: a\n正文");
        assertReason(null, "not closed", "---\nid: a\ntitle: t\n");
        assertReason(null, "not valid YAML", file("id: a\ntitle: [未闭合", "正文"));
        assertReason("id", "may only contain", file("id: Bad_Id\ntitle: t\ncategory: c\ndepartment: gas", "正文"));
        assertReason("title", "missing", file("id: a\ncategory: c\ndepartment: gas", "正文"));
        assertReason("department", "unknown department 'mars'", file("id: a\ntitle: t\ncategory: c\ndepartment: mars", "正文"));
        assertReason("body", "no body", file("id: a\ntitle: t\ncategory: c\ndepartment: gas", "  \n"));
        assertReason("review_by", "not a date", file("id: a\ntitle: t\ncategory: c\ndepartment: gas\nreview_by: soon", "正文"));
        assertReason("review_by", "before effective",
                file("id: a\ntitle: t\ncategory: c\ndepartment: gas\neffective: 2025-01-01\nreview_by: 2024-01-01", "正文"));
        assertReason("keywords", "must be a list", file("id: a\ntitle: t\ncategory: c\ndepartment: gas\nkeywords: 一个", "正文"));
        assertReason("author", "unknown front matter keys", file("id: a\ntitle: t\ncategory: c\ndepartment: gas\nauthor: x", "正文"));
    }

    private void assertReason(String field, String reason, String text) {
        KbFileParser.InvalidEntryException e = assertThrows(KbFileParser.InvalidEntryException.class, () -> parser.parse(text));
        assertTrue(e.getMessage().contains(reason), () -> "reason was: " + e.getMessage());
        assertEquals(field, e.field());
    }
}
