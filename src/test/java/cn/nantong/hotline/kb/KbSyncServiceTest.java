package cn.nantong.hotline.kb;

import cn.nantong.hotline.directory.Directory;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder sync against the real database: new, changed, removed and broken files, and editors' changes. */
@QuarkusTest
class KbSyncServiceTest {

    @Inject
    KbSyncService sync;
    @Inject
    KbEditService edits;
    @Inject
    KbQueries queries;
    @Inject
    Directory directory;

    /** This test syncs other folders into the shared database: put the fixture folder back for the rest. */
    @AfterEach
    void restoreFixtureFolder() throws Exception {
        syncFolder(Path.of("src/test/resources/kb-fixture"));
    }

    private static void write(Path dir, String id, String title) throws Exception {
        Files.writeString(dir.resolve(id + ".md"), "---\nid: " + id + "\ntitle: " + title
                + "\ncategory: 测试\ndepartment: water\n---\n## 说明\n" + title + "的说明。\n");
    }

    private KbSyncService.Report syncFolder(Path dir) throws Exception {
        return sync.apply(new KbFolderScanner(new KbFileParser(directory::isDepartment)).scan(dir));
    }

    @Test
    void syncsNewChangedRemovedAndBrokenFilesWithoutLosingEditorsWork(@TempDir Path dir) throws Exception {
        write(dir, "sy-meter", "水表更换");
        write(dir, "sy-bill", "水费账单");
        write(dir, "sy-pipe", "水管维修");
        assertEquals(3, syncFolder(dir).created());

        KbSyncService.Report again = syncFolder(dir);
        assertEquals(0, again.created() + again.updated() + again.retired());
        assertEquals(3, again.unchanged());

        KbDocument edited = queries.version("sy-meter", 1);
        edits.update("sy-meter", new KbDocument(edited.id(), "水表更换（编辑修订）", edited.category(), edited.department(),
                edited.keywords(), edited.body(), null, null), 1, "editor1", "editor fix");
        write(dir, "sy-bill", "水费账单与缴费");
        Files.delete(dir.resolve("sy-pipe.md"));
        Files.writeString(dir.resolve("sy-broken.md"), "no front matter");

        KbSyncService.Report report = syncFolder(dir);
        assertEquals(1, report.updated());
        assertEquals(1, report.retired());
        assertEquals(1, report.skipped().size());
        assertEquals("水表更换（编辑修订）", queries.any("sy-meter").title(), "an unchanged file never overwrites an editor");
        assertEquals("水费账单与缴费", queries.any("sy-bill").title());
        assertEquals(2, queries.any("sy-bill").version());
        assertTrue(queries.any("sy-pipe").retired());

        // A file that breaks keeps its entry's last good version instead of retiring it.
        Files.writeString(dir.resolve("sy-bill.md"), "---\nid: sy-bill\n");
        KbSyncService.Report broken = syncFolder(dir);
        assertEquals(0, broken.retired());
        assertFalse(queries.any("sy-bill").retired());

        // The file coming back restores the retired entry as a new version.
        write(dir, "sy-pipe", "水管维修");
        assertEquals(1, syncFolder(dir).updated());
        assertFalse(queries.any("sy-pipe").retired());
        assertEquals(3, queries.versions("sy-pipe").size());
    }
}
