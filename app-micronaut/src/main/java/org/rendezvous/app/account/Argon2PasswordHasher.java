package org.rendezvous.app.account;

import org.rendezvous.core.account.PasswordHash;
import org.rendezvous.core.port.PasswordHasher;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** ACC-1: Argon2id hashes with a random salt per password (Spring Security's encoder on Bouncy Castle). */
public final class Argon2PasswordHasher implements PasswordHasher {

    private final Argon2PasswordEncoder encoder;

    /** Spring Security 5.8's defaults: 16 MiB, 2 iterations, parallelism 1, 128-bit salt, 256-bit hash. */
    public Argon2PasswordHasher() {
        this(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    }

    public Argon2PasswordHasher(Argon2PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash(encoder.encode(password));
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        try {
            return encoder.matches(password, hash.value());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
