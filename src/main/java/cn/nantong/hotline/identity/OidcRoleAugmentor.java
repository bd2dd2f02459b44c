package cn.nantong.hotline.identity;

import cn.nantong.hotline.directory.Directory;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Gives a user signed in at the external OpenID Connect provider the same identity shape as a built-in
 * account: exactly one of our roles and, for DEPARTMENT, the department attribute that scopes what they see.
 * The same for an API client's bearer token and for the consoles' sign-in at the provider (code flow, where the
 * principal is the ID token). Built-in accounts (Basic or session cookie) carry no token and pass unchanged.
 */
@ApplicationScoped
public class OidcRoleAugmentor implements SecurityIdentityAugmentor {

    /** The login page's reason (web/LoginMessages) for someone the provider signed in but who has none of our roles. */
    public static final String REFUSED_REASON = "provider-role";

    private static final Logger LOG = Logger.getLogger(OidcRoleAugmentor.class);

    private final OidcClaimMapping mapping;
    private final String departmentClaim;
    private final String displayNameClaim;
    private final Directory directory;
    private final String refusedPage;

    OidcRoleAugmentor(@ConfigProperty(name = "hotline.oidc.role-mapping") String roleMapping,
                      @ConfigProperty(name = "hotline.oidc.department-claim") String departmentClaim,
                      @ConfigProperty(name = "hotline.oidc.display-name-claim") String displayNameClaim,
                      @ConfigProperty(name = "quarkus.http.auth.form.login-page") String loginPage,
                      Directory directory) {
        this.mapping = OidcClaimMapping.parse(roleMapping);
        this.departmentClaim = departmentClaim;
        this.displayNameClaim = displayNameClaim;
        this.refusedPage = loginPage + "?error=" + REFUSED_REASON;
        this.directory = directory;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        OidcClaimMapping.Mapped mapped = mapping.map(identity.getRoles(), token.getClaim(departmentClaim),
                directory::isDepartment);
        if (!mapped.accepted()) {
            LOG.warnf("OIDC sign-in refused for '%s': %s", token.getName(), mapped.refusal());
            // A person signing in to the consoles (code flow: an ID token) goes back to the login page with the
            // reason: Quarkus turns any other failure there into a bare 401 and an error logged with its stack.
            return Uni.createFrom().failure(identity.getCredential(IdTokenCredential.class) != null
                    ? new AuthenticationRedirectException(refusedPage) : new AuthenticationFailedException());
        }
        // A fresh builder: the provider's own role names must not stay beside the mapped one.
        QuarkusSecurityIdentity.Builder augmented = QuarkusSecurityIdentity.builder()
                .setPrincipal(token)
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRole(mapped.role().name());
        Object displayName = token.getClaim(displayNameClaim);
        if (displayName != null) {
            augmented.addAttribute(CurrentUser.DISPLAY_NAME_ATTRIBUTE, displayName.toString());
        }
        if (mapped.department() != null) {
            augmented.addAttribute(CurrentUser.DEPARTMENT_ATTRIBUTE, mapped.department());
        }
        return Uni.createFrom().item(augmented.build());
    }
}
