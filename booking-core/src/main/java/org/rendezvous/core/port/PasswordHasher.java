package org.rendezvous.core.port;

import org.rendezvous.core.account.PasswordHash;

/** Slow salted password hashes (ACC-1): Argon2id, bcrypt or PBKDF2, chosen by the host. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    /** Whether the password is the one hashed; a hash this hasher cannot read is a mismatch, not an error. */
    boolean verify(String password, PasswordHash hash);
}
