package cn.nantong.hotline.kb;

import cn.nantong.hotline.common.ProblemException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The editors' read side: every entry including retired ones, filtered, and the drafts waiting for them. */
@ApplicationScoped
@Transactional
public class KbEditorQueries {

    private final KbQueries queries;

    KbEditorQueries(KbQueries queries) {
        this.queries = queries;
    }

    /** The entry states an editor filters by; {@code STALE} entries are also {@code ACTIVE}. */
    public enum State {
        ACTIVE("在线", "retired = false"),
        STALE("已过复核期", "retired = false and reviewBy < :today"),
        RETIRED("已下线", "retired = true");

        private final String label;
        private final String condition;

        State(String label, String condition) {
            this.label = label;
            this.condition = condition;
        }

        public String label() {
            return label;
        }
    }

    /** One entry in the editors' list. */
    public record Row(String id, String title, String category, String departmentName, LocalDate reviewBy,
                      boolean stale, boolean retired, int version, Instant updatedAt, String updatedBy) {
    }

    /**
     * Entries whose title or id contains {@code text}, optionally of one category and state; any argument may
     * be null for "all".
     */
    public List<Row> entries(String text, String category, State state) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(title) like :text or id like :text)");
            params.and("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (category != null && !category.isBlank()) {
            where.append(" and category = :category");
            params.and("category", category);
        }
        if (state != null) {
            where.append(" and ").append(state.condition);
            if (state == State.STALE) {
                params.and("today", queries.today());
            }
        }
        LocalDate today = queries.today();
        return KbEntry.<KbEntry>list(where.toString(), Sort.by("category").and("title"), params).stream()
                .map(e -> new Row(e.id, e.title, e.category, queries.departmentName(e.department), e.reviewBy,
                        !e.retired && e.toDocument().isStale(today), e.retired, e.version, e.updatedAt, e.updatedBy))
                .toList();
    }

    /** Every category an entry ever had, retired ones included, for the filter and the editor's suggestions. */
    public List<String> categories() {
        return KbEntry.getEntityManager()
                .createQuery("select distinct e.category from KbEntry e order by e.category", String.class)
                .getResultList();
    }

    public List<KbEditorResource.DraftView> openDrafts() {
        return KbDraft.<KbDraft>list("status", Sort.by("createdAt").and("id"), "OPEN").stream()
                .map(KbEditorResource.DraftView::of)
                .toList();
    }

    public KbEditorResource.DraftView draft(long id) {
        KbDraft d = KbDraft.findById(id);
        if (d == null) {
            throw ProblemException.notFound("没有编号为 " + id + " 的草稿。");
        }
        return KbEditorResource.DraftView.of(d);
    }
}
