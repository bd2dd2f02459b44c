package cn.nantong.hotline.identity;

import cn.nantong.hotline.common.SettingsVersions;
import cn.nantong.hotline.common.VersionWatch;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes an administrator's change of an account (disabled, new role, new password) count on the next request:
 * this instance drops the account's remembered identities at once, every instance drops all of them when it
 * sees the accounts' change counter move (polled every {@code hotline.settings.check-interval}).
 */
@ApplicationScoped
public class AccountChanges {

    private final CachedPasswordIdentityProvider passwords;
    private final SessionIdentityProvider sessions;
    private final VersionWatch watch = new VersionWatch();

    AccountChanges(CachedPasswordIdentityProvider passwords, SessionIdentityProvider sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    /** Call after the change committed, with the counter bumped in its transaction. */
    void changed(String username) {
        passwords.forget(username);
        sessions.forget(username);
    }

    /**
     * Also catches a request that read the account just before the change committed and remembered the old
     * identity after {@link #changed}: the counter moved, so everything is dropped once more.
     */
    @Scheduled(every = "${hotline.settings.check-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void pollForChanges() {
        long current = QuarkusTransaction.requiringNew().call(() -> SettingsVersions.read(SettingsVersions.ACCOUNTS));
        if (watch.moved(current)) {
            passwords.forgetAll();
            sessions.forgetAll();
        }
    }
}
