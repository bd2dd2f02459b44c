package cn.nantong.hotline.identity;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Checks Basic-auth passwords against the account's bcrypt hash, and remembers a successful check for a
 * few minutes. API clients send the password with every request; a full bcrypt check each time cost
 * 115 ms of CPU per request and capped ticket intake at 15 per second on two cores. Only a SHA-256 of
 * (salt, username, password) is kept, in memory, so that an administrator's change of the account
 * ({@link AccountChanges}) can drop it at once. Requests that arrive while the same check is running wait for it
 * instead of starting their own: when the memory of a busy client's password expired, every request in flight
 * used to run bcrypt at once, and intake stood still for seconds. Serves HTTP Basic and the consoles' form login
 * alike, so {@link LoginThrottle} guards both.
 */
@ApplicationScoped
public class CachedPasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Routing-context key set when a login was refused by the throttle, so the login page can say why. */
    public static final String THROTTLED = "hotline.login.throttled";
    private static final Logger LOG = Logger.getLogger(CachedPasswordIdentityProvider.class);

    private final LoginThrottle throttle;
    /** Completes with the identity, or with null for a wrong password (which Caffeine then drops). */
    private final AsyncCache<Check, SecurityIdentity> verified;
    private final byte[] salt = new byte[16];
    private final java.util.concurrent.atomic.LongAdder bcryptChecks = new java.util.concurrent.atomic.LongAdder();

    CachedPasswordIdentityProvider(@ConfigProperty(name = "hotline.auth.cache-ttl", defaultValue = "5m") Duration ttl,
                                   LoginThrottle throttle) {
        this.throttle = throttle;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).buildAsync();
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
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        String address = http == null || http.request().remoteAddress() == null ? null
                : http.request().remoteAddress().hostAddress();
        Optional<Duration> refused = throttle.refusal(username, address);
        if (refused.isPresent()) {
            LOG.warnf("Login refused for user '%s' from %s: too many recent failures", loggable(username), address);
            LoginThrottledException e = new LoginThrottledException(refused.get());
            if (http != null) {
                http.put(THROTTLED, e);
            }
            return Uni.createFrom().failure(new AuthenticationFailedException(e.getMessage(), e));
        }
        String password = new String(request.getPassword().getPassword());
        CompletableFuture<SecurityIdentity> check = verified.get(new Check(username, fingerprint(username, password)),
                (key, executor) -> context.runBlocking(() -> bcryptCheck(username, password)).subscribeAsCompletionStage());
        return Uni.createFrom().completionStage(check).map(identity -> {
            if (identity == null) {
                boolean locked = throttle.failed(username, address);
                // Never the password: a typo of the real one would be readable in the log.
                LOG.infof("Login failed for user '%s' from %s%s", loggable(username), address,
                        locked ? "; further attempts refused for a while" : "");
                throw new AuthenticationFailedException();
            }
            throttle.succeeded(username, address);
            return identity;
        });
    }

    /** The account's identity when the password matches its bcrypt hash, else null. */
    private SecurityIdentity bcryptCheck(String username, String password) {
        bcryptChecks.increment();
        Account account = QuarkusTransaction.requiringNew().call(() -> Account.byUsername(username).orElse(null));
        // A disabled account reads as a wrong password: the login page must not confirm that the name exists.
        if (account == null || account.disabled || !BcryptUtil.matches(password, account.passwordHash)) {
            return null;
        }
        return AccountIdentity.of(account);
    }

    /** Drops a remembered check, so the next request with this username checks the account again. */
    void forget(String username) {
        verified.asMap().keySet().removeIf(check -> check.username().equals(username));
    }

    void forgetAll() {
        verified.synchronous().invalidateAll();
    }

    /** Full password checks done so far; the rest were answered from memory. */
    public long bcryptChecks() {
        return bcryptChecks.sum();
    }

    /** A typed username may hold anything; line breaks would let it forge log lines. */
    private static String loggable(String username) {
        String flat = username == null ? "" : username.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 64 ? flat.substring(0, 64) + "…" : flat;
    }

    private record Check(String username, String fingerprint) {
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
