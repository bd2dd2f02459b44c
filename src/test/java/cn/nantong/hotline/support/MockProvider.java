package cn.nantong.hotline.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.net.URI;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The WireMock OpenID Connect provider of Quarkus' OidcWiremockTestResource (discovery, keys, a login page, a token
 * endpoint), taught which people sign in at its login page and what their tokens say. Its own stubs answer every
 * sign-in with one fixed user; the stubs here take precedence for the users a test names.
 */
public record MockProvider(WireMockServer server) {

    public static final String CLIENT_ID = "hotline12345";
    /** The issuer of the mock's discovery document. */
    public static final String ISSUER = "https://server.example.com";
    public static final String REALM = "/auth/realms/quarkus";

    /** OIDC on, for bearer tokens and console sign-in, with Secure cookies as in production. */
    public static class On implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", CLIENT_ID,
                    "quarkus.oidc.credentials.secret", "test-only-client-secret-of-40-characters",
                    "hotline.web.secure-cookies", "true");
        }
    }

    /**
     * Whoever signs in as {@code user} on the login page comes back with a code of their own, which the token
     * endpoint exchanges for an ID and an access token with these provider roles and claims.
     */
    public void knows(String user, Set<String> roles, Map<String, Object> claims) {
        String code = "code-" + user + "-" + System.nanoTime();
        server.stubFor(get(urlPathEqualTo("/login")).withQueryParam("username", equalTo(user)).atPriority(1)
                .willReturn(aResponse().withStatus(302).withTransformers("response-template")
                        .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code=" + code)));
        String tokens = "{\"access_token\":\"" + token(user, roles, claims) + "\",\"id_token\":\""
                + token(user, roles, claims) + "\",\"refresh_token\":\"refresh-" + code
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}";
        server.stubFor(post(urlEqualTo(REALM + "/token")).withRequestBody(containing("code=" + code)).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(tokens)));
    }

    /** The end-session endpoint signs out and sends the browser back where the application asked. */
    public void endsSessions() {
        server.stubFor(get(urlPathEqualTo(endSessionPath())).willReturn(aResponse().withStatus(302)
                .withTransformers("response-template").withHeader("Location", "{{request.query.post_logout_redirect_uri}}")));
    }

    public String endSessionPath() {
        return REALM + "/protocol/openid-connect/end-session";
    }

    /** Such as {@code http://localhost:41234}. */
    public String origin() {
        URI uri = URI.create(server.baseUrl());
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /** Signed with the mock's key, which its JWKS publishes. */
    public static String token(String user, Set<String> roles, Map<String, Object> claims) {
        JwtClaimsBuilder jwt = Jwt.preferredUserName(user).subject(user).groups(roles).issuer(ISSUER).audience(CLIENT_ID);
        claims.forEach(jwt::claim);
        return jwt.jws().keyId("1").sign("privateKey.jwk");
    }
}
