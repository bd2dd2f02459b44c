package cn.nantong.hotline.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * The consoles show callers' own words all day: the same lock-down as the public pages, and no copy of a
 * signed-in page (callers' numbers, complaints) left in a shared browser's or proxy's cache. With sign-in at the
 * external provider, the logout form's answer redirects to the provider, which form-action must then allow.
 */
@Provider
@ConsolePage
public class ConsolePageHeaders implements ContainerResponseFilter {

    private final ProviderSignIn provider;

    ConsolePageHeaders(ProviderSignIn provider) {
        this.provider = provider;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Asked per response: this filter is built at static init, before the provider's runtime settings are read.
        PublicPageHeaders.lockDown(response.getHeaders(), provider.origin()
                .map(origin -> PublicPageHeaders.CONTENT_SECURITY_POLICY + " " + origin)
                .orElse(PublicPageHeaders.CONTENT_SECURITY_POLICY));
        response.getHeaders().putSingle("Cache-Control", "no-store");
    }
}
