package cn.nantong.hotline.kb;

import java.time.LocalDate;
import java.util.List;

/**
 * One 热线百科 entry's content, independent of where it came from (file, editor, database).
 *
 * @param body Markdown as written by the editor
 */
public record KbDocument(String id, String title, String category, String department, List<String> keywords,
                         String body, LocalDate effective, LocalDate reviewBy) {

    public KbDocument {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    /** Past its review date: the materials may have changed, so agents and citizens are warned. */
    public boolean isStale(LocalDate today) {
        return reviewBy != null && reviewBy.isBefore(today);
    }
}
