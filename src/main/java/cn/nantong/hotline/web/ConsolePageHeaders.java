package cn.nantong.hotline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The consoles show callers' own words all day: the same lock-down as the public pages, and no copy of a
 * signed-in page (callers' numbers, complaints) left in a shared browser's or proxy's cache.
 */
@Provider
@ConsolePage
public class ConsolePageHeaders implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        PublicPageHeaders.lockDown(response.getHeaders());
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
