package cn.nantong.hotline.privacy;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Encrypts callers' numbers (AES-GCM, a fresh 96-bit nonce each time) and derives the keyed hash (HMAC-SHA256)
 * that every equality look-up uses, so the database never needs the number in clear to find a caller.
 */
public final class PhoneCipher {

    /** Prefix of stored cipher texts: a later key or algorithm change can tell old rows from new ones. */
    static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public PhoneCipher(byte[] encryptionKey, byte[] hashKey) {
        if (encryptionKey.length != 16 && encryptionKey.length != 24 && encryptionKey.length != 32) {
            throw new IllegalArgumentException("the encryption key must be 16, 24 or 32 bytes, not " + encryptionKey.length);
        }
        if (hashKey.length < 32) {
            throw new IllegalArgumentException("the hash key must be at least 32 bytes, not " + hashKey.length);
        }
        this.encryptionKey = new SecretKeySpec(encryptionKey, "AES");
        this.hashKey = new SecretKeySpec(hashKey, "HmacSHA256");
    }

    public String encrypt(String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /** The number; fails when the text was sealed with another key or altered (GCM checks integrity). */
    public String decrypt(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("unknown cipher text version");
        }
        byte[] all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the caller's number cannot be decrypted with the configured key", e);
        }
    }

    /** Same number, same hash; without the key nobody can test guesses against it (unlike a plain SHA-256). */
    public String hash(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
