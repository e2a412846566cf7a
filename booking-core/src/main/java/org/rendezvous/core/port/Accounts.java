package org.rendezvous.core.port;

import java.time.Instant;
import java.util.Optional;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.account.OneTimeToken;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.account.TokenPurpose;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Practitioners' credentials and their one-time links (ACC-1, ACC-3). Writes made inside the engine's
 * {@link Transactions} belong to them. One-time tokens are kept by their digest only.
 */
public interface Accounts {

    /** Adds credentials; false, and nothing stored, when another account has this e-mail already. */
    boolean add(Credentials credentials);

    /** Replaces the credentials of their practitioner; the e-mail stays unique. */
    void update(Credentials credentials);

    Optional<Credentials> find(PractitionerId practitioner);

    Optional<Credentials> findByEmail(EmailAddress email);

    void saveToken(OneTimeToken token);

    Optional<OneTimeToken> findToken(TokenDigest digest);

    /** Marks the token used at {@code at}; false when it was used already, so that only one use wins a race. */
    boolean useToken(TokenDigest digest, Instant at);

    /** Marks every unused token of the practitioner for this purpose as used; answers how many. */
    int useAllTokens(PractitionerId practitioner, TokenPurpose purpose, Instant at);
}
