package cn.nantong.hotline.repeat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.nantong.hotline.repeat.Reports.complaint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory candidate look-up: shared key or phone, 90-day window, no inquiries, newest first, capped. */
class CandidateIndexTest {

    private final CandidateIndex index = new CandidateIndex();

    private static List<Long> ids(List<ReportFeatures> found) {
        return found.stream().map(f -> f.report().id()).toList();
    }

    @Test
    void findsReportsSharingAPlaceKeyOrThePhoneNewestFirst() {
        index.add(complaint(1, 0, "13700000001", "崇川区", "崇川区永宁路88号锦绣苑3幢", "电梯困人"));
        index.add(complaint(2, 1, "13700000002", "崇川区", "丽水花园", "路灯不亮"));
        index.add(complaint(3, 2, "13700000003", "崇川区", "幸福新村", "垃圾没人清运"));
        ReportFeatures incoming = complaint(4, 3, "13700000002", "崇川区", "锦绣苑3幢402", "电梯又坏了");
        assertEquals(List.of(2L, 1L), ids(index.candidates(incoming)));
    }

    @Test
    void leavesOutInquiriesOldReportsAndLaterOnes() {
        index.add(complaint(1, 0, "13700000001", "崇川区", "锦绣苑", "电梯困人"));
        index.add(Reports.of(2, 95, "13700000002", "INQUIRY", "崇川区", "锦绣苑", "电梯什么时候修好"));
        index.add(complaint(3, 96, "13700000003", "崇川区", "锦绣苑", "电梯又坏了"));
        index.add(complaint(5, 120, "13700000005", "崇川区", "锦绣苑", "电梯还是坏的"));
        ReportFeatures incoming = complaint(4, 100, "13700000004", "崇川区", "锦绣苑", "电梯困人");
        assertEquals(List.of(3L), ids(index.candidates(incoming)));
    }

    @Test
    void returnsAtMostTheLimit() {
        for (int i = 0; i < CandidateIndex.LIMIT + 30; i++) {
            index.add(complaint(i, 0, "1370000" + (1000 + i), "崇川区", "锦绣苑", "电梯困人"));
        }
        List<ReportFeatures> found = index.candidates(complaint(9999, 1, "13799999999", "崇川区", "锦绣苑", "电梯"));
        assertEquals(CandidateIndex.LIMIT, found.size());
        assertTrue(found.stream().allMatch(f -> f.report().receivedAt().isBefore(Reports.DAY_ZERO.plusSeconds(86_401))));
    }
}
