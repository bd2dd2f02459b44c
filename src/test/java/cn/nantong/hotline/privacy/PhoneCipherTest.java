package cn.nantong.hotline.privacy;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Encryption round trip, integrity and the keyed hash, without Quarkus. */
class PhoneCipherTest {

    private static byte[] key(int fill, int length) {
        byte[] k = new byte[length];
        Arrays.fill(k, (byte) fill);
        return k;
    }

    private final PhoneCipher cipher = new PhoneCipher(key(1, 32), key(2, 32));

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        String a = cipher.encrypt("13912345678");
        String b = cipher.encrypt("13912345678");
        assertNotEquals(a, b, "same number, different cipher texts: equal numbers are not visible in the table");
        assertFalse(a.contains("13912345678"));
        assertTrue(a.startsWith(PhoneCipher.VERSION));
        assertEquals("13912345678", cipher.decrypt(a));
        assertEquals("0513-85123456", cipher.decrypt(cipher.encrypt("0513-85123456")));
    }

    @Test
    void refusesAlteredTextOrAnotherKey() {
        String sealed = cipher.encrypt("13912345678");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(PhoneCipher.VERSION.length()));
        raw[raw.length - 1] ^= 1;
        String altered = PhoneCipher.VERSION + Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(altered));
        assertThrows(IllegalStateException.class, () -> new PhoneCipher(key(9, 32), key(2, 32)).decrypt(sealed));
        assertThrows(IllegalArgumentException.class, () -> cipher.decrypt("13912345678"));
    }

    @Test
    void hashIsStablePerKeyAndRevealsNothing() {
        String h = cipher.hash("13912345678");
        assertEquals(h, cipher.hash("13912345678"));
        assertEquals(64, h.length());
        assertNotEquals(h, cipher.hash("13912345679"));
        assertNotEquals(h, new PhoneCipher(key(1, 32), key(3, 32)).hash("13912345678"), "another hash key, another hash");
    }

    @Test
    void rejectsKeysOfTheWrongSize() {
        assertThrows(IllegalArgumentException.class, () -> new PhoneCipher(key(1, 20), key(2, 32)));
        assertThrows(IllegalArgumentException.class, () -> new PhoneCipher(key(1, 32), key(2, 16)));
    }
}
