package cn.nantong.hotline.kb;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/** Renders entry bodies: plain text for the index and snippets, safe HTML for the entry page. */
public final class MarkdownText {

    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    // Raw HTML in an entry is escaped, not passed through: entries are edited through the web.
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private MarkdownText() {
    }

    public static String toPlainText(String markdown) {
        return TEXT.render(PARSER.parse(markdown == null ? "" : markdown)).strip();
    }

    public static String toSafeHtml(String markdown) {
        return HTML.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
