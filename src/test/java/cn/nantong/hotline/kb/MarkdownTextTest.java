package cn.nantong.hotline.kb;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownTextTest {

    private static final String ENTRY = """
            ## 所需材料
            身份证，详见[材料清单](https://example.gov.cn/list)。
            ## 网上办理
            登录[江苏政务服务网](https://www.jszwfw.gov.cn/item/123)或苏服办App申请。
            ## 线下办理
            [窗口预约](https://example.gov.cn/window)
            """;

    @Test
    void rawHtmlIsEscapedAndTheOnlineSectionGetsItsAnchor() {
        String html = MarkdownText.toSafeHtml("<script>alert(1)</script>\n\n" + ENTRY);

        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("<h2 id=\"online-guide\">网上办理</h2>"), html);
        assertTrue(html.contains("<h2>所需材料</h2>"), html);
    }

    @Test
    void theOnlineLinkIsTheFirstWebAddressOfTheOnlineSectionOnly() {
        assertTrue(MarkdownText.hasOnlineGuide(ENTRY));
        assertEquals(Optional.of("https://www.jszwfw.gov.cn/item/123"), MarkdownText.onlineLink(ENTRY));

        String noLink = "## 网上办理\n苏服办App申请。\n## 线下办理\n[窗口](https://example.gov.cn/window)";
        assertTrue(MarkdownText.hasOnlineGuide(noLink));
        assertEquals(Optional.empty(), MarkdownText.onlineLink(noLink));

        String script = "## 网上办理\n[点此](javascript:alert(1))";
        assertEquals(Optional.empty(), MarkdownText.onlineLink(script));

        assertFalse(MarkdownText.hasOnlineGuide("## 线下办理\n到窗口办理。"));
    }
}
