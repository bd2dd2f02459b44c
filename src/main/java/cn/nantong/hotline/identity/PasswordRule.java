package cn.nantong.hotline.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The minimum strength of a password an administrator sets: long enough, of at least two kinds of character,
 * not the username. The demo password demo12345 passes, so the rule never locks out the shipped accounts.
 */
public final class PasswordRule {

    static final int MIN_LENGTH = 8;
    /** bcrypt reads only the first 72 bytes; a longer password would silently be checked by its prefix. */
    static final int MAX_BYTES = 72;

    private PasswordRule() {
    }

    /** Why the password is too weak, in words for the administrator; empty when it is acceptable. */
    public static Optional<String> weakness(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("密码至少 " + MIN_LENGTH + " 个字符。");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("密码过长：最多 " + MAX_BYTES + " 个字节（约 72 个英文字母或 24 个汉字）。");
        }
        boolean letters = password.codePoints().anyMatch(Character::isLetter);
        boolean digits = password.codePoints().anyMatch(Character::isDigit);
        boolean others = password.codePoints().anyMatch(c -> !Character.isLetterOrDigit(c));
        if ((letters ? 1 : 0) + (digits ? 1 : 0) + (others ? 1 : 0) < 2) {
            return Optional.of("密码须包含字母、数字、符号中的至少两类。");
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of("密码不能包含用户名。");
        }
        return Optional.empty();
    }
}
