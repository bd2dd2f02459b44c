package cn.nantong.hotline.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Turns the username in a console session cookie (already decrypted and checked for expiry by Quarkus form
 * authentication) back into an identity. A console makes several requests per keystroke, so the account is
 * remembered for {@code hotline.auth.cache-ttl}, like a verified password. An administrator's change of the account
 * drops it ({@link AccountChanges}): a disabled account's open session fails on its next request.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    private final Cache<String, SecurityIdentity> accounts;

    SessionIdentityProvider(@ConfigProperty(name = "hotline.auth.cache-ttl", defaultValue = "5m") Duration ttl) {
        this.accounts = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        SecurityIdentity known = accounts.getIfPresent(username);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return context.runBlocking(() -> {
            Account account = QuarkusTransaction.requiringNew().call(() -> Account.byUsername(username).orElse(null));
            if (account == null || account.disabled) {
                throw new AuthenticationFailedException();
            }
            SecurityIdentity identity = AccountIdentity.of(account);
            accounts.put(username, identity);
            return identity;
        });
    }

    void forget(String username) {
        accounts.invalidate(username);
    }

    void forgetAll() {
        accounts.invalidateAll();
    }
}
