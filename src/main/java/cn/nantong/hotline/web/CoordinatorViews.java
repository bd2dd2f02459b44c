package cn.nantong.hotline.web;

import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.stats.DepartmentStats;
import cn.nantong.hotline.stats.HotTopics;
import cn.nantong.hotline.stats.RedLights;
import cn.nantong.hotline.supervision.CaseViews;
import cn.nantong.hotline.ticket.ExtensionRequests;

import java.util.List;
import java.util.Map;

/** What the coordinator's board shows, shaped for its template. */
public final class CoordinatorViews {

    private CoordinatorViews() {
    }

    /**
     * The board's filters as applied; {@code error} says why the ones asked for were not, and {@code query}
     * repeats them for the export links.
     */
    public record Filters(String from, String to, String district, List<String> districts, String error,
                          String errorField, String query) {
    }

    /**
     * @param canAct false for an administrator, who may look but not decide: the actions are the
     *               coordination center's
     */
    public record Board(boolean canAct, Filters filters, List<CaseViews.CaseView> cases, long casesTotal,
                        List<RedLights.DepartmentGroup> red, int redTotal, List<ExtensionRequests.Pending> extensions,
                        List<CaseViews.FlagView> flags, long flagsTotal, HotTopics.Board hot, List<DepartmentStats> figures,
                        String figuresAt, List<Directory.DepartmentView> departments, Map<String, String> triggerLabels,
                        Map<String, String> statusLabels) {
    }
}
