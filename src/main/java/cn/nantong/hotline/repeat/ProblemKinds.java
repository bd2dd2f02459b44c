package cn.nantong.hotline.repeat;

import java.util.LinkedHashSet;
import java.util.Set;

/** Names the kinds of problem a text is about (噪声, 异味废气, 供水水压...) from a general hotline vocabulary. */
final class ProblemKinds {

    private static final Vocabulary WORDS = Vocabulary.load("/repeat/problem-kinds.txt");

    private ProblemKinds() {
    }

    static Set<String> of(String text) {
        Set<String> kinds = new LinkedHashSet<>();
        if (text != null) {
            WORDS.scan(text).forEach(hit -> kinds.addAll(hit.labels()));
        }
        return kinds;
    }
}
