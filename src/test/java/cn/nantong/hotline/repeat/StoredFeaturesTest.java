package cn.nantong.hotline.repeat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoredFeaturesTest {

    private final RepeatDetector detector = new RepeatDetector();

    @Test
    void storedFeaturesScoreExactlyAsAFreshParse() {
        ReportFeatures original = Reports.complaint(1, 0, "p1", "崇川区", "城南锦绣苑3幢",
                "楼下饭店油烟很大，晚上还有噪声，锦绣苑北门路口也堵");
        ReportFeatures repeat = Reports.complaint(2, 20, "p2", "崇川区", "锦绣苑3幢楼下",
                "上次反映的饭店油烟还没解决");

        ReportFeatures restored = StoredFeatures.decode(StoredFeatures.encode(original), original.report()).orElseThrow();

        assertEquals(original.place(), restored.place());
        assertEquals(original.placeKeys(), restored.placeKeys());
        assertEquals(original.problemKinds(), restored.problemKinds());
        assertEquals(original.words(), restored.words());
        assertEquals(original.isFollowUp(), restored.isFollowUp());
        List<RepeatMatch> fresh = detector.rank(repeat, List.of(original), 1);
        assertFalse(fresh.isEmpty());
        assertEquals(fresh, detector.rank(repeat, List.of(restored), 1));
    }

    @Test
    void featuresOfAnotherParserVersionOrUnreadableOnesAreParsedAgain() {
        Report r = new Report(1, Reports.DAY_ZERO, "p1", "COMPLAINT", "海门区", "解放路88号", "路灯不亮");
        ReportFeatures f = ReportFeatures.of(r);
        String stored = StoredFeatures.encode(f);
        String otherVersion = stored.replace("\"v\":" + StoredFeatures.VERSION, "\"v\":" + (StoredFeatures.VERSION + 1));

        assertNotEquals(stored, otherVersion);
        assertTrue(StoredFeatures.decode(otherVersion, r).isEmpty());
        assertTrue(StoredFeatures.decode("{not json", r).isEmpty());
        assertTrue(StoredFeatures.decode(null, r).isEmpty());
        assertFalse(f.placeKeys().isEmpty());
        assertEquals(f.placeKeys(), StoredFeatures.read(otherVersion, r).placeKeys());
    }

    /** Cached features of many reports must not each carry their own copies of the same words and names. */
    @Test
    void decodedFeaturesOfTwoReportsShareTheSameWordsAndPlaceKeys() {
        ReportFeatures a = decoded(Reports.complaint(1, 0, "p1", "崇川区", "城南锦绣苑3幢", "楼下饭店油烟很大"));
        ReportFeatures b = decoded(Reports.complaint(2, 5, "p2", "崇川区", "锦绣苑3幢", "饭店油烟很大，晚上更严重"));

        String word = a.words().stream().filter(b.words()::contains).findFirst().orElseThrow();
        assertSame(word, b.words().stream().filter(word::equals).findFirst().orElseThrow());
        String key = a.placeKeys().stream().filter(b.placeKeys()::contains).findFirst().orElseThrow();
        assertSame(key, b.placeKeys().stream().filter(key::equals).findFirst().orElseThrow());
        assertSame(a.place().estates().get(0).key(), b.place().estates().get(0).key());
    }

    private static ReportFeatures decoded(ReportFeatures f) {
        return StoredFeatures.decode(StoredFeatures.encode(f), f.report()).orElseThrow();
    }
}
