package cn.nantong.hotline.kb;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.kb.index.KbAnalyzers;
import cn.nantong.hotline.kb.index.KbIndex;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps this instance's search index equal to the database: folder sync and full build at start, then every
 * second the entries any instance changed since. Editing calls {@link #publish} for instant visibility here.
 */
@ApplicationScoped
public class KbIndexService {

    private static final Logger LOG = Logger.getLogger(KbIndexService.class);
    /** Changes committed this long after their sequence number was drawn are still picked up. */
    private static final int LATE_COMMIT_SECONDS = 10;

    private final KbConfig config;
    private final KbSyncService sync;
    private final Directory directory;
    private final Map<String, Integer> indexedVersions = new ConcurrentHashMap<>();
    private volatile KbIndex index;
    private volatile KbSyncService.Report lastSync;
    private volatile long seenChangeSeq;

    KbIndexService(KbConfig config, KbSyncService sync, Directory directory) {
        this.config = config;
        this.sync = sync;
        this.directory = directory;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws IOException {
        Path folder = Path.of(config.dir());
        index = new KbIndex(KbAnalyzers.create(KbAnalyzers.synonymSources(folder)));
        if (Files.isDirectory(folder)) {
            KbFolderScanner.Scan scan = new KbFolderScanner(new KbFileParser(directory::isDepartment)).scan(folder);
            lastSync = sync.apply(scan);
            scan.skipped().forEach(s -> LOG.warnf("Knowledge-base file skipped: %s — %s", s.path(), s.reason()));
            LOG.infof("Knowledge base %s synced: %d new, %d changed, %d retired, %d unchanged, %d skipped",
                    folder.toAbsolutePath(), lastSync.created(), lastSync.updated(), lastSync.retired(),
                    lastSync.unchanged(), lastSync.skipped().size());
        } else {
            LOG.warnf("Knowledge-base folder %s does not exist; serving what the database holds", folder.toAbsolutePath());
            lastSync = new KbSyncService.Report(0, 0, 0, 0, List.of());
        }
        refresh();
        LOG.infof("Knowledge-base index holds %d entries", index.size());
    }

    void onStop(@Observes ShutdownEvent event) throws IOException {
        if (index != null) {
            index.close();
        }
    }

    public KbIndex index() {
        return index;
    }

    public KbSyncService.Report lastSync() {
        return lastSync;
    }

    /** Makes an entry's committed state searchable on this instance now. */
    public void publish(KbEntry entry) {
        apply(List.of(entry));
    }

    /** Picks up changes made by any instance; cheap when nothing changed (one indexed look-up). */
    @Scheduled(every = "${hotline.kb.refresh-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        List<KbEntry> changed = QuarkusTransaction.requiringNew().call(() -> KbEntry.<KbEntry>list(
                "changeSeq > ?1 or updatedAt > ?2", seenChangeSeq,
                java.time.Instant.now().minusSeconds(LATE_COMMIT_SECONDS)));
        if (!changed.isEmpty()) {
            apply(changed);
        }
    }

    private synchronized void apply(List<KbEntry> entries) {
        List<KbDocument> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        for (KbEntry e : entries) {
            seenChangeSeq = Math.max(seenChangeSeq, e.changeSeq == null ? 0 : e.changeSeq);
            Integer indexed = indexedVersions.get(e.id);
            if (indexed != null && indexed >= e.version) {
                continue;
            }
            if (e.retired) {
                removals.add(e.id);
            } else {
                upserts.add(e.toDocument());
            }
            indexedVersions.put(e.id, e.version);
        }
        if (!upserts.isEmpty()) {
            index.upsert(upserts);
        }
        if (!removals.isEmpty()) {
            index.remove(removals);
        }
    }
}
