package cn.nantong.hotline.ticket;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises what agents type as a caller's number: mainland mobiles to 11 digits, landlines to
 * area code + number ({@code 0513-85123456}), so one caller is one number in history and repeat detection.
 */
public final class PhoneNumbers {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Numbers as callers write them in free text: a mobile, or a landline with its area code and dash. */
    private static final Pattern NUMBER_IN_TEXT = Pattern.compile("(?<![\\d-])(1[3-9]\\d{9}|0\\d{2,3}-\\d{7,8})(?![\\d-])");
    /** Area codes: 010 and 02x are three digits, all others four; local numbers 7–8 digits. */
    private static final Pattern LANDLINE = Pattern.compile("(01\\d|02\\d|0[3-9]\\d{2})(\\d{7,8})");
    /** Local landline without area code: the hotline is 南通's, so 0513 is implied. */
    private static final Pattern LOCAL_LANDLINE = Pattern.compile("[2-8]\\d{7}");
    private static final String CITY_AREA_CODE = "0513";

    private PhoneNumbers() {
    }

    /** The normalised number, or empty when the text is not a mainland mobile or landline. */
    public static Optional<String> normalise(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.strip().replaceAll("[\\s\\-()（）]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        } else if (digits.startsWith("0086")) {
            digits = digits.substring(4);
        }
        if (!digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        if (MOBILE.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        var landline = LANDLINE.matcher(digits);
        if (landline.matches()) {
            return Optional.of(landline.group(1) + "-" + landline.group(2));
        }
        if (LOCAL_LANDLINE.matcher(digits).matches()) {
            return Optional.of(CITY_AREA_CODE + "-" + digits);
        }
        return Optional.empty();
    }

    /**
     * The form shown on screens: mobiles keep the carrier prefix and last four digits ({@code 139****4567}),
     * landlines the area code and last four ({@code 0513-****3456}); enough to confirm with the caller, too little to call.
     */
    public static String mask(String normalised) {
        int dash = normalised.indexOf('-');
        String head = dash >= 0 ? normalised.substring(0, dash + 1) : normalised.substring(0, 3);
        return head + "****" + normalised.substring(normalised.length() - 4);
    }

    /** Free text with the phone numbers in it masked: callers sometimes dictate their number into the complaint. */
    public static String maskWithin(String text) {
        return NUMBER_IN_TEXT.matcher(text).replaceAll(m -> mask(normalise(m.group()).orElse(m.group())));
    }
}
