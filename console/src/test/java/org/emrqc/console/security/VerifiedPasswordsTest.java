package org.emrqc.console.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class VerifiedPasswordsTest {
    @Test
    void aVerifiedPasswordIsRememberedOnlyForItsHash() {
        VerifiedPasswords v = new VerifiedPasswords(10, Duration.ofMinutes(5));
        String hash = Passwords.hash("first-password");
        assertTrue(v.matches("u", "first-password", hash));
        assertTrue(v.matches("u", "first-password", hash));
        assertFalse(v.matches("u", "wrong-password", hash));
        String changed = Passwords.hash("second-password");
        assertFalse(v.matches("u", "first-password", changed), "a changed password is checked against the new hash");
        assertTrue(v.matches("u", "second-password", changed));
    }

    @Test
    void expiredEntriesAreCheckedAgain() {
        VerifiedPasswords v = new VerifiedPasswords(10, Duration.ZERO);
        String hash = Passwords.hash("first-password");
        assertTrue(v.matches("u", "first-password", hash));
        assertFalse(v.matches("u", "other", hash));
    }
}
