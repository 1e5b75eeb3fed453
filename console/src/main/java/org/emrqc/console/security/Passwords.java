package org.emrqc.console.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.SecureRandom;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt hashes (modular crypt format) and generated passwords. */
public final class Passwords {
    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() { }

    public static String hash(String plain) { return BcryptUtil.bcryptHash(plain); }

    public static boolean matches(String plain, String hash) {
        if (plain == null || hash == null) return false;
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), PROVIDER);
            return factory.verify(factory.translate(stored), plain.toCharArray());
        } catch (Exception e) {
            return false;
        }
    }

    /** A random password of {@code length} characters without look-alikes (0/O, 1/l). */
    public static String generate(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
