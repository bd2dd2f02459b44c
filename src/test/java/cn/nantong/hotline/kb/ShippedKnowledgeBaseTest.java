package cn.nantong.hotline.kb;

import cn.nantong.hotline.kb.index.SynonymExpander;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The knowledge base the product ships: every file loads, every category the hotline needs is covered. */
class ShippedKnowledgeBaseTest {

    private static final Path FOLDER = Path.of("knowledge-base");
    private static final Set<String> DEPARTMENTS = Set.of("public-security", "traffic-police", "ecology-environment",
            "housing-construction", "urban-management", "transport", "market-regulation", "human-resources",
            "medical-security", "health", "education", "natural-resources", "water", "power-grid", "gas",
            "housing-fund", "civil-affairs", "taxation");
    private static final Set<String> CATEGORIES = Set.of("户籍与身份证", "出入境", "车驾管", "社保与社保卡", "医保与异地就医",
            "公积金", "不动产登记", "婚姻登记", "生育", "入学", "养老服务", "低保与救助", "营业执照", "个税与发票", "水电气",
            "物业与维修资金", "公交出租", "就业与失业金", "残疾人", "退役军人", "法律援助");

    @Test
    void everyShippedEntryLoadsAndCoversEveryCategory() throws Exception {
        KbFolderScanner.Scan scan = new KbFolderScanner(new KbFileParser(DEPARTMENTS::contains)).scan(FOLDER);
        assertEquals(java.util.List.of(), scan.skipped());
        assertTrue(scan.loaded().size() >= 120, "entries: " + scan.loaded().size());
        Set<String> categories = scan.loaded().stream().map(f -> f.doc().category())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(CATEGORIES), categories);
        for (KbFolderScanner.LoadedFile f : scan.loaded()) {
            assertTrue(f.path().endsWith("/" + f.doc().id() + ".md"), "file name must be the id: " + f.path());
            assertTrue(f.doc().body().contains("网上办理") || f.doc().body().contains("线上"),
                    "every entry says how to do it online: " + f.path());
        }
    }

    @Test
    void everySynonymLineIsUsable() throws Exception {
        String text = Files.readString(FOLDER.resolve("synonyms.txt"));
        long lines = text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        assertTrue(lines >= 300, "synonym lines: " + lines);
        SynonymExpander synonyms = SynonymExpander.parse(java.util.List.of(text));
        assertEquals(0, synonyms.skippedLines());
        assertTrue(synonyms.terms() > 1000, "terms: " + synonyms.terms());
    }
}
