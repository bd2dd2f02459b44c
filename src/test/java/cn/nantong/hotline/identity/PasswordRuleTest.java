package cn.nantong.hotline.identity;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordRuleTest {

    @Test
    void acceptsTwoKindsOfCharacterFromEightOn() {
        assertEquals(Optional.empty(), PasswordRule.weakness("agent1", "demo12345"));
        assertEquals(Optional.empty(), PasswordRule.weakness("x-user", "密码很长很安全!"));
        assertEquals(Optional.empty(), PasswordRule.weakness("x-user", "12345678-"));
    }

    @Test
    void refusesShortSingleKindOrUsernameBearingPasswords() {
        assertEquals("密码至少 8 个字符。", PasswordRule.weakness("u1", "ab12").orElseThrow());
        assertEquals("密码至少 8 个字符。", PasswordRule.weakness("u1", null).orElseThrow());
        assertTrue(PasswordRule.weakness("u1", "abcdefghij").orElseThrow().contains("至少两类"));
        assertTrue(PasswordRule.weakness("u1", "1234567890").orElseThrow().contains("至少两类"));
        assertEquals("密码不能包含用户名。", PasswordRule.weakness("Zhang.San", "zhang.san2026").orElseThrow());
    }

    @Test
    void refusesWhatBcryptWouldCutShort() {
        assertTrue(PasswordRule.weakness("u1", "a1".repeat(36)).isEmpty(), "72 bytes is the limit");
        assertTrue(PasswordRule.weakness("u1", "a1".repeat(36) + "x").orElseThrow().contains("72"));
        assertTrue(PasswordRule.weakness("u1", "密".repeat(24) + "1").orElseThrow().contains("72"), "3 bytes per 汉字");
    }
}
