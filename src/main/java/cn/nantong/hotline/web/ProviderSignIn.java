package cn.nantong.hotline.web;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Console sign-in at the external OpenID Connect provider (authorization-code flow), offered on the login page
 * beside the built-in accounts whenever the provider is on for browsers. The provider's session lives in Quarkus'
 * own cookie; this class knows when to offer it, which origin the consoles' CSP must let the logout form reach,
 * and how a provider session ends.
 */
@ApplicationScoped
public class ProviderSignIn {

    /** Starts the sign-in and is where the provider sends the browser back (quarkus.oidc.authentication.redirect-path). */
    public static final String PATH = "/login/oidc";

    private final boolean offered;
    private final String providerOrigin;
    private final Optional<String> clientId;
    private final boolean forceHttps;
    private final OidcSession session;
    private final OidcConfigurationMetadata provider;

    ProviderSignIn(@ConfigProperty(name = "quarkus.oidc.tenant-enabled") boolean enabled,
                   @ConfigProperty(name = "quarkus.oidc.application-type") String applicationType,
                   @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
                   @ConfigProperty(name = "quarkus.oidc.client-id") Optional<String> clientId,
                   @ConfigProperty(name = "quarkus.oidc.authentication.force-redirect-https-scheme",
                           defaultValue = "false") boolean forceHttps,
                   OidcSession session, OidcConfigurationMetadata provider) {
        // A provider used for bearer tokens only (application type service) has no browser flow to offer.
        this.offered = enabled && !"service".equalsIgnoreCase(applicationType.strip());
        this.providerOrigin = offered ? authServerUrl.map(ProviderSignIn::origin).orElse(null) : null;
        this.clientId = clientId;
        this.forceHttps = forceHttps;
        this.session = session;
        this.provider = provider;
    }

    /** Whether the login page shows the button that starts the code flow. */
    public boolean offered() {
        return offered;
    }

    /**
     * The provider's origin, such as {@code https://sso.example}, when console sign-in is on: logout answers the
     * console's form with a redirect to the provider's end-session endpoint, which the CSP's form-action must allow.
     */
    Optional<String> origin() {
        return Optional.ofNullable(providerOrigin);
    }

    /**
     * Ends a provider session signed in through the code flow: its cookie goes, and the browser is sent to the
     * provider's end-session endpoint (RP-initiated logout) when the provider has one, to come back to
     * {@code loggedOut} (a path of ours). Empty for a built-in account, a bearer token, or a provider without
     * that endpoint.
     */
    Optional<URI> signOut(SecurityIdentity identity, UriInfo request, URI loggedOut) {
        if (!offered || identity.isAnonymous() || identity.getCredential(IdTokenCredential.class) == null) {
            return Optional.empty();
        }
        String idToken = session.getIdToken().getRawToken();
        String endSession = provider.getEndSessionUri();
        session.logout().await().indefinitely();
        if (endSession == null) {
            return Optional.empty();
        }
        // Registered at the provider beside the redirect URI, so built by the same rule as Quarkus builds that one.
        URI back = request.getBaseUri().resolve(loggedOut);
        if (forceHttps) {
            back = UriBuilder.fromUri(back).scheme("https").build();
        }
        StringBuilder uri = new StringBuilder(endSession).append(endSession.contains("?") ? '&' : '?')
                .append("id_token_hint=").append(encode(idToken))
                .append("&post_logout_redirect_uri=").append(encode(back.toString()));
        clientId.ifPresent(id -> uri.append("&client_id=").append(encode(id)));
        return Optional.of(URI.create(uri.toString()));
    }

    private static String origin(String url) {
        URI uri = URI.create(url.strip());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
