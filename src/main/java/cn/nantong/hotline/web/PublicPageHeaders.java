package cn.nantong.hotline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/** Locks the public pages to their own scripts and styles: caller text shown on them must never run. */
@Provider
@PublicPage
public class PublicPageHeaders implements ContainerResponseFilter {

    /** Ends with the form-action directive, to which the consoles may append a source. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        lockDown(response.getHeaders(), CONTENT_SECURITY_POLICY);
    }

    /** Shared with the consoles' pages, which show the same kind of untrusted text. */
    static void lockDown(MultivaluedMap<String, Object> headers, String contentSecurityPolicy) {
        headers.putSingle("Content-Security-Policy", contentSecurityPolicy);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("Referrer-Policy", "same-origin");
    }
}
