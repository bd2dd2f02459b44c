package cn.nantong.hotline.identity;

import com.github.benmanes.caffeine.cache.AsyncCache;
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
 * drops it ({@link AccountChanges}): a disabled account's open session fails on its next request. Like
 * {@link CachedPasswordIdentityProvider}, requests that arrive during a look-up share it.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {

    /** Completes with the identity, or with null for a missing or disabled account (which Caffeine then drops). */
    private final AsyncCache<String, SecurityIdentity> accounts;

    SessionIdentityProvider(@ConfigProperty(name = "hotline.auth.cache-ttl", defaultValue = "5m") Duration ttl) {
        this.accounts = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).buildAsync();
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getPrincipal();
        return Uni.createFrom().completionStage(accounts.get(username, (key, executor) -> context.runBlocking(() -> {
            Account account = QuarkusTransaction.requiringNew().call(() -> Account.byUsername(username).orElse(null));
            return account == null || account.disabled ? null : AccountIdentity.of(account);
        }).subscribeAsCompletionStage())).map(identity -> {
            if (identity == null) {
                throw new AuthenticationFailedException();
            }
            return identity;
        });
    }

    void forget(String username) {
        accounts.synchronous().invalidate(username);
    }

    void forgetAll() {
        accounts.synchronous().invalidateAll();
    }
}
