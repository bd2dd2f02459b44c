package cn.nantong.hotline.privacy;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start-up without keys stops with a message naming the settings; with keys the vault seals and masks. */
class PhoneVaultTest {

    private static final Optional<String> KEY = Optional.of("qEjosvRe0GwaQvyoGZKOif2qGwXqTjhAd0fhSDDblu4=");

    @Test
    void missingKeysStopStartUpNamingTheSetting() {
        var e = assertThrows(IllegalStateException.class, () -> new PhoneVault(Optional.empty(), KEY));
        assertTrue(e.getMessage().startsWith("hotline.privacy.key is not set"), e.getMessage());
        var h = assertThrows(IllegalStateException.class, () -> new PhoneVault(KEY, Optional.of(" ")));
        assertTrue(h.getMessage().startsWith("hotline.privacy.hash-key is not set"), h.getMessage());
        assertThrows(IllegalStateException.class, () -> new PhoneVault(Optional.of("not base64!"), KEY));
    }

    @Test
    void protectsSealsHashesAndMasks() {
        PhoneVault vault = new PhoneVault(KEY, KEY);
        ProtectedPhone p = vault.protect("13912345678");
        assertEquals("139****5678", p.masked());
        assertEquals(vault.hash("13912345678"), p.hash());
        assertEquals("13912345678", vault.reveal(p.encrypted()));
    }
}
