package cn.nantong.hotline.kb;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One published version of an entry, append-only: the history editors diff and restore from. */
@Entity
@Immutable
@Table(name = "kb_entry_version")
public class KbEntryVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "entry_id") String entryId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public String title;
    public String category;

    @Column(name = "department_code")
    public String department;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> keywords;

    public String body;
    public LocalDate effective;

    @Column(name = "review_by")
    public LocalDate reviewBy;

    public boolean retired;

    @Enumerated(EnumType.STRING)
    public KbEntry.Source source;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Column(name = "changed_by")
    public String changedBy;

    @Column(name = "change_note")
    public String changeNote;

    static KbEntryVersion of(KbEntry e, String note) {
        KbEntryVersion v = new KbEntryVersion();
        v.key = new Key(e.id, e.version);
        v.title = e.title;
        v.category = e.category;
        v.department = e.department;
        v.keywords = e.keywords;
        v.body = e.body;
        v.effective = e.effective;
        v.reviewBy = e.reviewBy;
        v.retired = e.retired;
        v.source = e.source;
        v.changedAt = e.updatedAt;
        v.changedBy = e.updatedBy;
        v.changeNote = note;
        return v;
    }

    public KbDocument toDocument() {
        return new KbDocument(key.entryId(), title, category, department, keywords, body, effective, reviewBy);
    }
}
