package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.client.ClientAccount;
import org.rendezvous.core.client.ClientAccountId;
import org.rendezvous.core.contact.EmailAddress;

/**
 * Clients' passwordless accounts (CLI-2), one per e-mail address. Writes made inside the engine's
 * {@link Transactions} belong to them. Sign-in links are kept by their digest only.
 */
public interface ClientAccounts {

    /** Adds the account; false, and nothing stored, when another account has this e-mail already. */
    boolean add(ClientAccount account);

    /** Replaces the stored account with this id. */
    void update(ClientAccount account);

    Optional<ClientAccount> find(ClientAccountId id);

    Optional<ClientAccount> findByEmail(EmailAddress email);

    /** The account whose pending sign-in link has this digest. */
    Optional<ClientAccount> findByLink(TokenDigest digest);

    /**
     * Clears the account's pending link if it is still {@code digest}; false when it was used or replaced
     * already, so that only one use of a link wins a race.
     */
    boolean useLink(ClientAccountId id, TokenDigest digest);

    /** Removes the account (erasure); its sessions and link stop working. Nothing happens if it is gone. */
    void remove(ClientAccountId id);
}
