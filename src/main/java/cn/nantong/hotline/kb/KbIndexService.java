package cn.nantong.hotline.kb;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.kb.index.SynonymExpander;
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
import java.time.Clock;
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
    private final Clock clock;
    private final Map<String, Integer> indexedVersions = new ConcurrentHashMap<>();
    private volatile KbIndex index;
    private volatile KbSyncService.Report lastSync;
    private volatile long seenChangeSeq;
    private volatile boolean ready;

    KbIndexService(KbConfig config, KbSyncService sync, Directory directory, Clock clock) {
        this.config = config;
        this.sync = sync;
        this.directory = directory;
        this.clock = clock;
    }

    void onStart(@Observes @Priority(20) StartupEvent event) throws IOException {
        Path folder = Path.of(config.dir());
        SynonymExpander synonyms = SynonymExpander.parse(SynonymExpander.sources(folder));
        LOG.infof("Synonyms: %d groups, %d terms", synonyms.groups(), synonyms.terms());
        index = new KbIndex(synonyms, config.resultCacheSize());
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
        ready = true;
        LOG.infof("Knowledge-base index holds %d entries", index.size());
    }

    /** True once the folder is synced and every entry is indexed. */
    public boolean isReady() {
        return ready;
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
        List<KbEntry> changed = QuarkusTransaction.requiringNew().call(() -> {
            // Versions first, whole entries only for what this instance has not indexed yet.
            List<Object[]> versions = KbEntry.getEntityManager().createQuery(
                            "select e.id, e.version, e.changeSeq from KbEntry e where e.changeSeq > ?1 or e.updatedAt > ?2",
                            Object[].class)
                    .setParameter(1, seenChangeSeq)
                    .setParameter(2, clock.instant().minusSeconds(LATE_COMMIT_SECONDS))
                    .getResultList();
            versions.forEach(v -> seenChangeSeq = Math.max(seenChangeSeq, (Long) v[2]));
            List<String> stale = versions.stream()
                    .filter(v -> indexedVersions.getOrDefault((String) v[0], 0) < (Integer) v[1])
                    .map(v -> (String) v[0])
                    .toList();
            return stale.isEmpty() ? List.<KbEntry>of() : KbEntry.<KbEntry>list("id in ?1", stale);
        });
        if (!changed.isEmpty()) {
            apply(changed);
        }
    }

    private synchronized void apply(List<KbEntry> entries) {
        List<KbDocument> upserts = new ArrayList<>();
        List<String> removals = new ArrayList<>();
        for (KbEntry e : entries) {
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
