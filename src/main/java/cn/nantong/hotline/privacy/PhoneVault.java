package cn.nantong.hotline.privacy;

import cn.nantong.hotline.ticket.PhoneNumbers;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Base64;
import java.util.Optional;

/**
 * The configured keys for callers' numbers. Read at start-up so a deployment without keys stops at once
 * with a message naming the settings, instead of failing on the first call.
 */
@Startup
@ApplicationScoped
public class PhoneVault {

    static final String KEY = "hotline.privacy.key";
    static final String HASH_KEY = "hotline.privacy.hash-key";

    private final PhoneCipher cipher;

    PhoneVault(@ConfigProperty(name = KEY) Optional<String> key, @ConfigProperty(name = HASH_KEY) Optional<String> hashKey) {
        this.cipher = new PhoneCipher(decode(KEY, key), decode(HASH_KEY, hashKey));
    }

    /** Seals a normalised number ({@link PhoneNumbers#normalise}). */
    public ProtectedPhone protect(String normalised) {
        return new ProtectedPhone(cipher.encrypt(normalised), cipher.hash(normalised), PhoneNumbers.mask(normalised));
    }

    /** The look-up key of a normalised number. */
    public String hash(String normalised) {
        return cipher.hash(normalised);
    }

    public String reveal(String encrypted) {
        return cipher.decrypt(encrypted);
    }

    private static byte[] decode(String name, Optional<String> value) {
        String v = value.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(name
                + " is not set. Callers' numbers are stored encrypted: set " + KEY + " (AES key, 32 random bytes in"
                + " base64) and " + HASH_KEY + " (HMAC key, 32 random bytes in base64), e.g. as environment variables"
                + " HOTLINE_PRIVACY_KEY and HOTLINE_PRIVACY_HASH_KEY. See docs/privacy.md."));
        try {
            return Base64.getDecoder().decode(v.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(name + " is not valid base64", e);
        }
    }
}
