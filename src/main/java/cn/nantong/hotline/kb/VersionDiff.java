package cn.nantong.hotline.kb;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What changed between two versions of an entry, for the editors' history. Text is HTML-escaped and changes
 * are marked with {@code <del>} and {@code <ins>} down to the character, since Chinese has no spaces between
 * words to diff by.
 */
public final class VersionDiff {

    private static final DiffRowGenerator GENERATOR = DiffRowGenerator.create()
            .showInlineDiffs(true)
            .mergeOriginalRevised(true)
            .lineNormalizer(DiffRowGenerator.LINE_NORMALIZER_FOR_HTML)
            .oldTag(start -> start ? "<del>" : "</del>")
            .newTag(start -> start ? "<ins>" : "</ins>")
            .build();

    private VersionDiff() {
    }

    public enum Kind { SAME, CHANGED, ADDED, REMOVED }

    /** One body line; {@code html} is escaped text with the changes marked. */
    public record Line(Kind kind, String html) {
    }

    /** One front-matter field; {@code html} is escaped text with the changes marked. */
    public record Field(String label, boolean changed, String html) {
    }

    public record Result(List<Field> fields, List<Line> body) {

        public boolean identical() {
            return fields.stream().noneMatch(Field::changed) && body.stream().allMatch(l -> l.kind() == Kind.SAME);
        }
    }

    /** Compares {@code older} with {@code newer}; department codes are shown through {@code departmentName}. */
    public static Result between(KbDocument older, KbDocument newer, UnaryOperator<String> departmentName) {
        List<Field> fields = List.of(
                field("标题", older, newer, KbDocument::title),
                field("分类", older, newer, KbDocument::category),
                field("主管部门", older, newer, d -> departmentName.apply(d.department())),
                field("关键词", older, newer, d -> String.join("、", d.keywords())),
                field("生效日期", older, newer, d -> date(d.effective())),
                field("复核日期", older, newer, d -> date(d.reviewBy())));
        List<Line> body = GENERATOR.generateDiffRows(lines(older.body()), lines(newer.body())).stream()
                .map(VersionDiff::line)
                .toList();
        return new Result(fields, body);
    }

    private static Field field(String label, KbDocument older, KbDocument newer, Function<KbDocument, String> value) {
        DiffRow row = GENERATOR.generateDiffRows(List.of(value.apply(older)), List.of(value.apply(newer))).get(0);
        return new Field(label, row.getTag() != DiffRow.Tag.EQUAL, row.getOldLine());
    }

    private static Line line(DiffRow row) {
        Kind kind = switch (row.getTag()) {
            case EQUAL -> Kind.SAME;
            case CHANGE -> Kind.CHANGED;
            case INSERT -> Kind.ADDED;
            case DELETE -> Kind.REMOVED;
        };
        // With mergeOriginalRevised the old side carries both the deletions and the insertions.
        return new Line(kind, row.getOldLine());
    }

    private static List<String> lines(String text) {
        return List.of((text == null ? "" : text).split("\\R", -1));
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
