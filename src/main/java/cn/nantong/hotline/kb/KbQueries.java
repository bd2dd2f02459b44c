package cn.nantong.hotline.kb;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.directory.Directory;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Read side of the 热线百科: entries, categories, versions and the stale list, straight from the database. */
@ApplicationScoped
@Transactional
public class KbQueries {

    private final Directory directory;
    private final Clock clock;

    KbQueries(Directory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A published entry; retired entries are gone for the public but their history stays for editors. */
    public KbViews.Entry published(String id) {
        KbEntry e = KbEntry.findById(id);
        if (e == null || e.retired) {
            throw ProblemException.notFound("没有 id 为 '" + id + "' 的热线百科条目（可能已下线）。");
        }
        return view(e);
    }

    public KbViews.Entry any(String id) {
        KbEntry e = KbEntry.findById(id);
        if (e == null) {
            throw ProblemException.notFound("没有 id 为 '" + id + "' 的热线百科条目。");
        }
        return view(e);
    }

    public List<KbViews.Category> categories() {
        List<?> rows = Panache.getEntityManager().createQuery(
                "select e.category, count(e) from KbEntry e where e.retired = false group by e.category order by e.category")
                .getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new KbViews.Category((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    public List<KbViews.EntrySummary> inCategory(String category) {
        return KbEntry.<KbEntry>list("category = ?1 and retired = false", Sort.by("title"), category).stream()
                .map(this::summary).toList();
    }

    /** Entries past their review date, the most overdue first: the editors' to-do list. */
    public List<KbViews.EntrySummary> stale() {
        return KbEntry.<KbEntry>list("retired = false and reviewBy < ?1", Sort.by("reviewBy").and("id"), today())
                .stream().map(this::summary).toList();
    }

    public List<KbViews.Version> versions(String id) {
        any(id);
        return KbEntryVersion.<KbEntryVersion>list("key.entryId = ?1", Sort.descending("key.version"), id).stream()
                .map(v -> new KbViews.Version(v.key.version(), v.retired, v.source.name(), v.changedAt, v.changedBy,
                        v.changeNote))
                .toList();
    }

    public KbDocument version(String id, int version) {
        KbEntryVersion v = KbEntryVersion.findById(new KbEntryVersion.Key(id, version));
        if (v == null) {
            throw ProblemException.notFound("条目 '" + id + "' 没有第 " + version + " 版。");
        }
        return v.toDocument();
    }

    public String departmentName(String code) {
        return directory.department(code).map(Directory.DepartmentView::name).orElse(code);
    }

    KbViews.Entry view(KbEntry e) {
        return new KbViews.Entry(e.id, e.version, e.title, e.category, e.department, departmentName(e.department),
                e.keywords, e.body, MarkdownText.toSafeHtml(e.body), e.effective, e.reviewBy,
                e.toDocument().isStale(today()), e.retired, e.updatedAt, e.updatedBy);
    }

    private KbViews.EntrySummary summary(KbEntry e) {
        return new KbViews.EntrySummary(e.id, e.title, e.category, e.department, e.reviewBy,
                e.toDocument().isStale(today()));
    }
}
