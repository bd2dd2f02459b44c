package cn.nantong.hotline.web;

import cn.nantong.hotline.common.Problem;
import cn.nantong.hotline.common.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns a refusal on a public page into a readable Chinese HTML page instead of the API's problem+json. */
final class ErrorPage {

    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(KbPageViews.Failure failure);
    }

    private ErrorPage() {
    }

    static Response of(ProblemException e) {
        Problem p = e.toProblem(null);
        String heading = switch (p.status()) {
            case 400 -> "请换个说法再查一次";
            case 404 -> "没有找到您要的内容";
            default -> "暂时无法办理您的请求";
        };
        return of(new KbPageViews.Failure(p.status(), heading, p.detail()));
    }

    static Response of(KbPageViews.Failure failure) {
        return Response.status(failure.status()).type(HTML)
                .entity(Templates.error(failure).render()).build();
    }
}
