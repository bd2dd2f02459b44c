package cn.nantong.hotline.web;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.kb.GapRecorder;
import cn.nantong.hotline.kb.KbEditorQueries;
import cn.nantong.hotline.kb.KbEditorResource;
import cn.nantong.hotline.kb.KbViews;
import cn.nantong.hotline.kb.VersionDiff;

import java.util.List;

/** What the editors' desk shows, shaped for its templates. */
public final class EditorViews {

    private EditorViews() {
    }

    /** A filter choice; {@code code} is empty for "all". */
    public record Option(String code, String label, boolean selected) {
    }

    /** The filters as submitted, so the form shows them again. */
    public record Filter(String text, List<Option> categories, List<Option> states) {
    }

    /** The desk: the three work lists and the filtered list of entries. */
    public record Desk(Filter filter, List<KbEditorQueries.Row> entries, List<KbViews.EntrySummary> stale,
                       List<GapRecorder.Gap> gaps, List<KbEditorResource.DraftView> drafts) {
    }

    /**
     * One entry in the editor; {@code creating} for a new one, when {@code draftId} names the department
     * reply it is written from (or is null).
     */
    public record Form(boolean creating, String id, int version, String title, String category, String department,
                       String keywords, String effective, String reviewBy, String body, boolean retired,
                       Long draftId, String draftQuestion, boolean justPublished,
                       List<Directory.DepartmentView> departments, List<String> categories) {
    }

    /** An entry's versions, newest first, and the diff between {@code from} and {@code to}. */
    public record History(String id, String title, List<KbViews.Version> versions, int from, int to,
                          VersionDiff.Result diff) {
    }
}
