package cn.nantong.hotline.kb;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings the database in line with the knowledge-base folder. The database stays the source of truth: a
 * file only wins when the file itself changed since it was last synced, so an editor's later change through
 * the API survives restarts until somebody edits the file again.
 */
@ApplicationScoped
public class KbSyncService {

    /** Serialises syncs of several instances starting at once against one database. */
    private static final long SYNC_LOCK = 0x12345_0001L;
    private static final String SYNC_USER = "kb-sync";

    private final Clock clock;

    KbSyncService(Clock clock) {
        this.clock = clock;
    }

    /** What a sync did, for the start-up log and the editors' sync report. */
    public record Report(int created, int updated, int retired, int unchanged,
                         List<KbFolderScanner.SkippedFile> skipped) {
    }

    @Transactional
    public Report apply(KbFolderScanner.Scan scan) {
        Panache.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(?1)")
                .setParameter(1, SYNC_LOCK).getSingleResult();
        Instant now = clock.instant();
        Map<String, KbEntry> existing = KbEntry.<KbEntry>listAll().stream()
                .collect(Collectors.toMap(e -> e.id, Function.identity()));
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        Set<String> inFolder = new HashSet<>();
        for (KbFolderScanner.LoadedFile file : scan.loaded()) {
            inFolder.add(file.doc().id());
            KbEntry entry = existing.get(file.doc().id());
            if (entry == null) {
                entry = new KbEntry();
                entry.id = file.doc().id();
                fromFile(entry, file, now, "imported from " + file.path());
                created++;
            } else if (file.hash().equals(entry.sourceHash) && !retiredBySync(entry)) {
                unchanged++;
            } else {
                fromFile(entry, file, now, "file changed: " + file.path());
                updated++;
            }
        }
        Set<String> skippedPaths = scan.skipped().stream().map(KbFolderScanner.SkippedFile::path).collect(Collectors.toSet());
        int retired = 0;
        for (KbEntry entry : existing.values()) {
            boolean fileGone = entry.source == KbEntry.Source.FILE && !entry.retired
                    && !inFolder.contains(entry.id) && !skippedPaths.contains(entry.sourcePath);
            if (fileGone) {
                entry.apply(entry.toDocument(), true, KbEntry.Source.FILE, SYNC_USER, now,
                        "file removed: " + entry.sourcePath).persist();
                retired++;
            }
        }
        return new Report(created, updated, retired, unchanged, scan.skipped());
    }

    /** Retired because its file had gone: the file coming back, even unchanged, restores it. */
    private static boolean retiredBySync(KbEntry entry) {
        return entry.retired && entry.source == KbEntry.Source.FILE;
    }

    private static void fromFile(KbEntry entry, KbFolderScanner.LoadedFile file, Instant now, String note) {
        KbEntryVersion version = entry.apply(file.doc(), false, KbEntry.Source.FILE, SYNC_USER, now, note);
        entry.sourcePath = file.path();
        entry.sourceHash = file.hash();
        if (entry.version == 1) {
            entry.persist();
        }
        version.persist();
    }
}
