package cn.nantong.hotline.supervision;

import java.util.Arrays;

/** A set of character n-grams as a sorted array of packed codes, so that overlap is one linear merge. */
final class Shingles {

    private static final Shingles EMPTY = new Shingles(new long[0]);

    private final long[] codes;

    private Shingles(long[] codes) {
        this.codes = codes;
    }

    /** The n-grams of text; a text shorter than n is one n-gram, so that tiny replies still compare. */
    static Shingles of(String text, int n) {
        if (n < 1 || n > 4) {
            throw new IllegalArgumentException("n must be 1..4 to pack into a long: " + n);
        }
        if (text.isEmpty()) {
            return EMPTY;
        }
        int count = Math.max(1, text.length() - n + 1);
        long[] codes = new long[count];
        for (int start = 0; start < count; start++) {
            long code = 0;
            for (int i = start; i < Math.min(text.length(), start + n); i++) {
                code = (code << 16) | text.charAt(i);
            }
            codes[start] = code;
        }
        Arrays.sort(codes);
        int distinct = 0;
        for (int i = 0; i < codes.length; i++) {
            if (i == 0 || codes[i] != codes[i - 1]) {
                codes[distinct++] = codes[i];
            }
        }
        return new Shingles(Arrays.copyOf(codes, distinct));
    }

    int size() {
        return codes.length;
    }

    private int common(Shingles other) {
        int i = 0;
        int j = 0;
        int shared = 0;
        while (i < codes.length && j < other.codes.length) {
            if (codes[i] == other.codes[j]) {
                shared++;
                i++;
                j++;
            } else if (codes[i] < other.codes[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    double jaccard(Shingles other) {
        int union = codes.length + other.codes.length;
        if (union == 0) {
            return 0;
        }
        int shared = common(other);
        return (double) shared / (union - shared);
    }
}
