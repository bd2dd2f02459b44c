package cn.nantong.hotline.identity;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a login was refused without a password check: its username or address failed too often lately. Travels
 * as the cause of Quarkus' (final) AuthenticationFailedException.
 */
public class LoginThrottledException extends RuntimeException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("login temporarily refused after repeated failures");
        this.retryAfter = retryAfter;
    }

    /** The throttle refusal behind an authentication failure, if that was the reason. */
    public static Optional<LoginThrottledException> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof LoginThrottledException e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole minutes to wait, rounded up, as the refusal message tells the person. */
    public long minutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    /** The refusal in the words an agent reads. */
    public String message() {
        return message(minutes());
    }

    /** Shared with the login page, which learns the minutes from its redirect. */
    public static String message(long minutes) {
        return "登录失败次数过多，已暂停登录，请 " + minutes + " 分钟后再试；如忘记密码请联系系统管理员。";
    }
}
