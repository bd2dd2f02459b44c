package cn.nantong.hotline.privacy;

/** A caller's number as stored: sealed, keyed hash for look-ups, masked for display. */
public record ProtectedPhone(String encrypted, String hash, String masked) {
}
