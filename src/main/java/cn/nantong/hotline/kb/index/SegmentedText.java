package cn.nantong.hotline.kb.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into smartcn words once, full-width folded and lower-cased, each with where it stands, before any
 * stop list. smartcn's segmentation is the dearest step of reading a call, so intake cuts the caller's words once
 * and department suggestions and repeat detection each filter the same words with their own stop lists.
 */
public final class SegmentedText {

    /** One word and its character offsets in the text. */
    public record Word(String text, int start, int end) {
    }

    /** The same segmentation, folding and lower-casing as {@link KbAnalyzers#words}, which indexes what is asked. */
    private static final Analyzer ANALYZER = KbAnalyzers.words(CharArraySet.EMPTY_SET);

    private final String text;
    private final List<Word> words;

    private SegmentedText(String text, List<Word> words) {
        this.text = text;
        this.words = words;
    }

    public static SegmentedText of(String text) {
        String t = text == null ? "" : text;
        List<Word> words = new ArrayList<>();
        if (!t.isBlank()) {
            try (TokenStream ts = ANALYZER.tokenStream("", t)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    words.add(new Word(term.toString(), offset.startOffset(), offset.endOffset()));
                }
                ts.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new SegmentedText(t, List.copyOf(words));
    }

    public String text() {
        return text;
    }

    public List<Word> words() {
        return words;
    }

    /** The words that end within the first {@code chars} characters of the text. */
    public List<Word> wordsWithin(int chars) {
        int n = 0;
        while (n < words.size() && words.get(n).end() <= chars) {
            n++;
        }
        return words.subList(0, n);
    }
}
