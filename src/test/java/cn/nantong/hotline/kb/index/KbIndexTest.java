package cn.nantong.hotline.kb.index;

import cn.nantong.hotline.kb.KbDocument;
import cn.nantong.hotline.kb.KbFileParser;
import cn.nantong.hotline.kb.KbFolderScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Relevance regression on a fixed small corpus, plus the index's own contract (upsert, remove, suggest). */
class KbIndexTest {

    private static final Path FIXTURE = Path.of("src/test/resources/kb-fixture");
    private KbIndex index;

    @BeforeEach
    void build() throws Exception {
        index = new KbIndex(SynonymExpander.parse(SynonymExpander.sources(FIXTURE)));
        index.upsert(new KbFolderScanner(new KbFileParser(code -> true)).scan(FIXTURE).loaded().stream()
                .map(KbFolderScanner.LoadedFile::doc).toList());
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    private String top(String q) {
        List<KbIndex.Hit> hits = index.search(q, 5, null, null).hits();
        return hits.isEmpty() ? null : hits.get(0).id();
    }

    @Test
    void ranksTheRightEntryFirstForOfficialColloquialAndMisspeltQuestions() {
        assertEquals("fx-driving-licence-renewal", top("机动车驾驶证有效期满换证"));
        assertEquals("fx-driving-licence-renewal", top("驾照到期了要去哪换"));
        assertEquals("fx-driving-licence-renewal", top("驾使证过期"));
        assertEquals("fx-id-card-reissue", top("身份证丢了怎么补办"));
        assertEquals("fx-gas-leak", top("家里有煤气味怎么办"));
        assertEquals("fx-housing-fund-rent", top("租房子能不能取公积金"));
        assertEquals("fx-subsistence-allowance", top("家里穷得揭不开锅了"));
    }

    @Test
    void titleMatchesOutrankBodyMentions() {
        // 居民身份证 is the title of one entry and only a material in another.
        List<KbIndex.Hit> hits = index.search("居民身份证", 5, null, null).hits();
        assertEquals("fx-id-card-reissue", hits.get(0).id());
        assertTrue(hits.get(0).score() > hits.get(1).score());
    }

    @Test
    void snippetsAreEscapedAndMarkWholeMatchedWords() {
        KbDocument doc = new KbDocument("x-script", "测试条目", "测试", "gas", List.of(),
                "<script>alert(1)</script> 燃气表读数异常时请联系燃气公司。", null, null);
        index.upsert(List.of(doc));
        KbIndex.Hit hit = index.search("燃气表读数", 10, null, null).hits().stream()
                .filter(h -> h.id().equals("x-script")).findFirst().orElseThrow();
        assertFalse(hit.snippet().contains("<script>"), hit.snippet());
        assertTrue(hit.snippet().contains("&lt;script&gt;"), hit.snippet());
        assertTrue(hit.snippet().contains("<em>燃气表读数</em>"), hit.snippet());
    }

    @Test
    void textWithoutAnythingSearchableFindsNothingInsteadOfFailing() {
        assertEquals(0, index.search("？！…… 😀", 10, null, null).total());
        assertEquals(0, index.search("的了吗", 10, null, null).total());
        assertNull(top("((( ]]] AND OR NOT *:*"));
    }

    @Test
    void upsertReplacesAndRemoveHidesAtOnce() {
        KbDocument v1 = new KbDocument("x-ferry", "轮渡时刻", "公交出租", "transport", List.of(), "轮渡每日八班。", null, null);
        index.upsert(List.of(v1));
        assertEquals("x-ferry", top("轮渡时刻"));
        KbDocument v2 = new KbDocument("x-ferry", "轮渡停航公告", "公交出租", "transport", List.of(), "轮渡暂停。", null, null);
        index.upsert(List.of(v2));
        assertEquals(1, index.search("轮渡", 10, null, null).total());
        assertEquals("轮渡停航公告", index.search("轮渡", 10, null, null).hits().get(0).title());
        index.remove(List.of("x-ferry"));
        assertEquals(0, index.search("轮渡", 10, null, null).total());
    }

    @Test
    void filtersRestrictToOneCategoryOrDepartment() {
        assertTrue(index.search("办理", 10, "公积金", null).hits().stream().allMatch(h -> h.category().equals("公积金")));
        assertEquals(0, index.search("身份证", 10, null, "water").total());
    }

    @Test
    void suggestsTitlesStartingWithTheTextFirst() {
        assertEquals(List.of(), index.suggest("  ", 5));
        assertEquals(List.of("fx-driving-licence-renewal"),
                index.suggest("驾驶证", 5).stream().map(KbIndex.Suggestion::id).toList());
        assertEquals("fx-driving-licence-renewal", index.suggest("机动车", 5).get(0).id());
        assertEquals("fx-id-card-reissue", index.suggest("身份证", 5).get(0).id());
    }
}
