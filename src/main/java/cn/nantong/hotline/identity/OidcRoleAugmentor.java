package cn.nantong.hotline.identity;

import cn.nantong.hotline.directory.Directory;
import io.quarkus.security.AuthenticationFailedException;
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
 * Built-in accounts (Basic or session cookie) carry no token and pass unchanged.
 */
@ApplicationScoped
public class OidcRoleAugmentor implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(OidcRoleAugmentor.class);

    private final OidcClaimMapping mapping;
    private final String departmentClaim;
    private final String displayNameClaim;
    private final Directory directory;

    OidcRoleAugmentor(@ConfigProperty(name = "hotline.oidc.role-mapping") String roleMapping,
                      @ConfigProperty(name = "hotline.oidc.department-claim") String departmentClaim,
                      @ConfigProperty(name = "hotline.oidc.display-name-claim") String displayNameClaim,
                      Directory directory) {
        this.mapping = OidcClaimMapping.parse(roleMapping);
        this.departmentClaim = departmentClaim;
        this.displayNameClaim = displayNameClaim;
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
            return Uni.createFrom().failure(new AuthenticationFailedException());
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
