package cn.nantong.hotline.repeat;

import java.util.List;

/** An earlier report that the incoming one may repeat, with its score (0..1) and the signals that fired. */
public record RepeatMatch(long of, double score, List<String> reasons /* Chinese, e.g. "同一地点：锦绣苑3幢" */) {

    public RepeatMatch {
        reasons = List.copyOf(reasons);
    }
}
