package cn.nantong.hotline.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Checks Basic-auth passwords against the account's bcrypt hash, and remembers a successful check for a
 * few minutes. API clients send the password with every request; a full bcrypt check each time cost
 * 115 ms of CPU per request and capped ticket intake at 15 per second on two cores. Only a SHA-256 of
 * (salt, username, password) is kept, in memory; a changed password or role takes effect within the TTL.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Cache<String, SecurityIdentity> verified;
    private final byte[] salt = new byte[16];
    private final java.util.concurrent.atomic.LongAdder bcryptChecks = new java.util.concurrent.atomic.LongAdder();

    CachedPasswordIdentityProvider(@ConfigProperty(name = "hotline.auth.cache-ttl", defaultValue = "5m") Duration ttl) {
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
        new java.security.SecureRandom().nextBytes(salt);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String username = request.getUsername();
        String password = new String(request.getPassword().getPassword());
        String key = fingerprint(username, password);
        SecurityIdentity known = verified.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return context.runBlocking(() -> {
            bcryptChecks.increment();
            Account account = QuarkusTransaction.requiringNew().call(() -> Account.byUsername(username).orElse(null));
            if (account == null || !BcryptUtil.matches(password, account.passwordHash)) {
                throw new AuthenticationFailedException();
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal(account.username))
                    .addRole(account.role);
            if (account.departmentCode != null) {
                // Carried on the identity so that no request has to look the account up again.
                identity.addAttribute(CurrentUser.DEPARTMENT_ATTRIBUTE, account.departmentCode);
            }
            SecurityIdentity built = identity.build();
            verified.put(key, built);
            return built;
        });
    }

    /** Full password checks done so far; the rest were answered from memory. */
    public long bcryptChecks() {
        return bcryptChecks.sum();
    }

    private String fingerprint(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
