package cn.nantong.hotline.kb;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the 热线百科 API returns. */
public final class KbViews {

    private KbViews() {
    }

    /** A search hit; {@code snippet} is HTML-escaped text with matched words in {@code <em>}. */
    public record Hit(String id, String title, String category, String department, String departmentName,
                      float score, String snippet, boolean stale) {
    }

    public record SearchResult(long total, List<Hit> hits) {
    }

    public record Suggestion(String id, String title) {
    }

    public record Category(String name, long entries) {
    }

    public record EntrySummary(String id, String title, String category, String department, LocalDate reviewBy,
                               boolean stale) {
    }

    public record Entry(String id, int version, String title, String category, String department,
                        String departmentName, List<String> keywords, String body, String bodyHtml,
                        @JsonFormat(pattern = "yyyy-MM-dd") LocalDate effective,
                        @JsonFormat(pattern = "yyyy-MM-dd") LocalDate reviewBy,
                        boolean stale, boolean retired, Instant updatedAt, String updatedBy) {
    }

    public record Version(int version, boolean retired, String source, Instant changedAt, String changedBy,
                          String changeNote) {
    }

    public record SyncReport(int created, int updated, int retired, int unchanged,
                             List<KbFolderScanner.SkippedFile> skipped) {
    }
}
