package cn.nantong.hotline.identity;

import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The augmentor as configured, fed identities shaped like the ones quarkus-oidc builds from a verified token. */
@QuarkusTest
class OidcRoleAugmentorTest {

    @Inject
    OidcRoleAugmentor augmentor;

    private static SecurityIdentity fromToken(Set<String> providerRoles, Map<String, Object> claims) {
        JsonWebToken token = new JsonWebToken() {
            @Override
            public String getName() {
                return "wang.fang";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder().setPrincipal(token);
        providerRoles.forEach(b::addRole);
        return b.build();
    }

    private SecurityIdentity augment(SecurityIdentity identity) {
        return augmentor.augment(identity, null).await().indefinitely();
    }

    @Test
    void aProviderDepartmentUserBecomesOneOfOurDepartmentUsers() {
        SecurityIdentity out = augment(fromToken(Set.of("hotline-department", "offline_access"),
                Map.of("department", "water", "name", "王芳")));
        assertEquals(Set.of("DEPARTMENT"), out.getRoles(), "the provider's own role names are dropped");
        assertEquals("water", out.getAttribute(CurrentUser.DEPARTMENT_ATTRIBUTE));
        assertEquals("王芳", out.getAttribute(CurrentUser.DISPLAY_NAME_ATTRIBUTE));
        assertEquals("wang.fang", out.getPrincipal().getName());

        SecurityIdentity coordinator = augment(fromToken(Set.of("hotline-coordinator"), Map.of("department", "water")));
        assertEquals(Set.of("COORDINATOR"), coordinator.getRoles());
        assertNull(coordinator.getAttribute(CurrentUser.DEPARTMENT_ATTRIBUTE));
    }

    @Test
    void aTokenThatCannotBeMappedIsRefused() {
        assertThrows(AuthenticationFailedException.class,
                () -> augment(fromToken(Set.of("hotline-department"), Map.of("department", "no-such-department"))));
        assertThrows(AuthenticationFailedException.class,
                () -> augment(fromToken(Set.of("hotline-agent", "hotline-admin"), Map.of())));
        assertThrows(AuthenticationFailedException.class, () -> augment(fromToken(Set.of("offline_access"), Map.of())));
    }

    @Test
    void aConsoleSignInThatCannotBeMappedGoesBackToTheLoginPageWithTheReason() {
        SecurityIdentity signIn = QuarkusSecurityIdentity.builder(fromToken(Set.of("offline_access"), Map.of()))
                .addCredential(new IdTokenCredential("raw-id-token")).build();
        AuthenticationRedirectException refused = assertThrows(AuthenticationRedirectException.class,
                () -> augment(signIn));
        assertEquals("/login?error=" + OidcRoleAugmentor.REFUSED_REASON, refused.getRedirectUri());
    }

    @Test
    void builtInAccountsPassUnchanged() {
        SecurityIdentity account = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("agent1"))
                .addRole("AGENT").build();
        assertSame(account, augment(account));
    }
}
