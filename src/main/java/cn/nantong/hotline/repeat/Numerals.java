package cn.nantong.hotline.repeat;

/** Reads small counting numbers written in digits or Chinese numerals (3, 三, 十二, 二十五, 两). */
final class Numerals {

    private static final String DIGITS = "零一二三四五六七八九";

    private Numerals() {
    }

    /** The value of a number below 100, or -1 when the text is not one. */
    static int parse(String text) {
        if (text.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(text);
        }
        String t = text.replace('两', '二');
        int ten = t.indexOf('十');
        if (ten < 0) {
            return t.length() == 1 ? DIGITS.indexOf(t.charAt(0)) : -1;
        }
        int tens = ten == 0 ? 1 : DIGITS.indexOf(t.charAt(0));
        int units = ten == t.length() - 1 ? 0 : DIGITS.indexOf(t.charAt(ten + 1));
        return tens < 0 || units < 0 ? -1 : tens * 10 + units;
    }
}
