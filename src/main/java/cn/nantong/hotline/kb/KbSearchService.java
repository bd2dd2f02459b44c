package cn.nantong.hotline.kb;

import cn.nantong.hotline.common.ProblemException;
import cn.nantong.hotline.common.QueryParams;
import cn.nantong.hotline.directory.Directory;
import cn.nantong.hotline.kb.index.KbIndex;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Checks a search request, runs it on this instance's index and notes what found nothing. */
@ApplicationScoped
public class KbSearchService {

    private final KbIndexService indexService;
    private final KbConfig config;
    private final Directory directory;
    private final GapRecorder gaps;
    private final Clock clock;

    KbSearchService(KbIndexService indexService, KbConfig config, Directory directory, GapRecorder gaps, Clock clock) {
        this.indexService = indexService;
        this.config = config;
        this.directory = directory;
        this.gaps = gaps;
        this.clock = clock;
    }

    public KbViews.SearchResult search(String q, String limit, String category, String department) {
        if (q == null || q.isBlank()) {
            throw ProblemException.badRequest("q", "请输入要查询的内容：查询参数 q 不能为空。");
        }
        if (q.length() > config.maxQueryChars()) {
            throw ProblemException.badRequest("q", "查询内容过长（" + q.length() + " 字），最多 " + config.maxQueryChars() + " 字。");
        }
        int n = checkLimit(limit);
        String dept = blankToNull(department);
        if (dept != null && !directory.isDepartment(dept)) {
            throw ProblemException.badRequest("department", "未知的部门代码 '" + dept + "'，可选值见 /api/departments。");
        }
        KbIndex.SearchResult result = indexService.index().search(q, n, blankToNull(category), dept);
        if (result.total() == 0) {
            gaps.zeroHits(q);
        }
        LocalDate today = LocalDate.now(clock);
        List<KbViews.Hit> hits = result.hits().stream()
                .map(h -> new KbViews.Hit(h.id(), h.title(), h.category(), h.department(),
                        directory.department(h.department()).map(Directory.DepartmentView::name).orElse(h.department()),
                        h.score(), h.snippet(), h.reviewBy() != null && h.reviewBy().isBefore(today)))
                .toList();
        return new KbViews.SearchResult(result.total(), hits);
    }

    public List<KbViews.Suggestion> suggest(String prefix, String limit) {
        if (prefix == null || prefix.isBlank()) {
            throw ProblemException.badRequest("prefix", "请输入标题的开头几个字：查询参数 prefix 不能为空。");
        }
        return indexService.index().suggest(prefix, checkLimit(limit)).stream()
                .map(s -> new KbViews.Suggestion(s.id(), s.title()))
                .toList();
    }

    private int checkLimit(String limit) {
        return QueryParams.integer("limit", limit, config.defaultLimit(), 1, config.maxLimit());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
