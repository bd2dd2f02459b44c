package cn.nantong.hotline.kb;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The current state of one 热线百科 entry; every change also appends a {@link KbEntryVersion}. */
@Entity
@Table(name = "kb_entry")
public class KbEntry extends PanacheEntityBase {

    /** Where the current version came from: the shipped folder or an editor through the API. */
    public enum Source { FILE, EDITOR }

    @Id
    public String id;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String category;

    @Column(name = "department_code", nullable = false)
    public String department;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> keywords;

    @Column(nullable = false)
    public String body;

    public LocalDate effective;

    @Column(name = "review_by")
    public LocalDate reviewBy;

    @Column(nullable = false)
    public boolean retired;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "source_path")
    public String sourcePath;

    /** SHA-256 of the file as last synced, so an unchanged file never overwrites an editor's later change. */
    @Column(name = "source_hash")
    public String sourceHash;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** Assigned by a database trigger on every write, so every instance can find what changed since it last looked. */
    @Column(name = "change_seq", insertable = false, updatable = false)
    public Long changeSeq;

    public KbDocument toDocument() {
        return new KbDocument(id, title, category, department, keywords, body, effective, reviewBy);
    }

    /** Takes the content of {@code doc} as a new version, recording who changed it and why. */
    KbEntryVersion apply(KbDocument doc, boolean retire, Source from, String by, Instant at, String note) {
        version = version + 1;
        title = doc.title();
        category = doc.category();
        department = doc.department();
        keywords = doc.keywords();
        body = doc.body();
        effective = doc.effective();
        reviewBy = doc.reviewBy();
        retired = retire;
        source = from;
        updatedAt = at;
        updatedBy = by;
        return KbEntryVersion.of(this, note);
    }
}
