package cn.nantong.hotline.kb;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders entry bodies: plain text for the index and snippets, safe HTML for the entry page. */
public final class MarkdownText {

    /** The section of an entry that tells how to do it online; every shipped entry has one. */
    private static final String ONLINE_HEADING = "网上办理";
    /** The id the entry page's 网上办 button jumps to. */
    public static final String ONLINE_GUIDE_ANCHOR = "online-guide";
    private static final Parser PARSER = Parser.builder().build();
    private static final TextContentRenderer TEXT = TextContentRenderer.builder().build();
    // Raw HTML in an entry is escaped, not passed through: entries are edited through the web.
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tag, attributes) -> {
                if (node instanceof Heading h && isOnlineHeading(h)) {
                    attributes.put("id", ONLINE_GUIDE_ANCHOR);
                }
            })
            .build();

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

    /** Whether the body has a 网上办理 section, which the rendered HTML marks with {@link #ONLINE_GUIDE_ANCHOR}. */
    public static boolean hasOnlineGuide(String markdown) {
        return onlineSection(markdown).isPresent();
    }

    /** The first web address the 网上办理 section links to, where the entry names its online service. */
    public static Optional<String> onlineLink(String markdown) {
        List<String> links = new ArrayList<>();
        onlineSection(markdown).ifPresent(section -> section.forEach(node -> node.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                if (link.getDestination().matches("(?i)https?://.+")) {
                    links.add(link.getDestination());
                }
            }
        })));
        return links.stream().findFirst();
    }

    /** The blocks after the 网上办理 heading, up to the next heading of the same or a higher level. */
    private static Optional<List<Node>> onlineSection(String markdown) {
        for (Node n = PARSER.parse(markdown == null ? "" : markdown).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && isOnlineHeading(h)) {
                List<Node> section = new ArrayList<>();
                for (Node b = h.getNext(); b != null && !(b instanceof Heading next && next.getLevel() <= h.getLevel());
                     b = b.getNext()) {
                    section.add(b);
                }
                return Optional.of(section);
            }
        }
        return Optional.empty();
    }

    private static boolean isOnlineHeading(Heading heading) {
        return TEXT.render(heading).strip().equals(ONLINE_HEADING);
    }
}
