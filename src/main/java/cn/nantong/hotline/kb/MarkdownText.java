package cn.nantong.hotline.kb;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;

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

    /**
     * Plain text without headings, for the index: every entry has the same section headings (所需材料,
     * 收费标准 …), so indexing them only makes every question match every entry.
     */
    public static String toIndexText(String markdown) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        List<Node> headings = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                headings.add(heading);
            }
        });
        headings.forEach(Node::unlink);
        return TEXT.render(doc).strip();
    }

    public static String toSafeHtml(String markdown) {
        return HTML.render(PARSER.parse(markdown == null ? "" : markdown));
    }
}
