package org.rendezvous.core.port;

import java.util.List;
import java.util.Optional;
import org.rendezvous.core.account.TokenDigest;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.Operator;
import org.rendezvous.core.operator.OperatorId;

/**
 * Operators' accounts, apart from practitioners' (an e-mail may be both, as two accounts). Writes made
 * inside the engine's {@link Transactions} belong to them.
 */
public interface Operators {

    /** Adds the operator; false, and nothing stored, when another operator has this e-mail already. */
    boolean add(Operator operator);

    /** Replaces the stored operator with this id. */
    void update(Operator operator);

    Optional<Operator> find(OperatorId id);

    Optional<Operator> findByEmail(EmailAddress email);

    /** The operator whose pending set-password link has this digest. */
    Optional<Operator> findByLink(TokenDigest digest);

    /** Every operator, by e-mail. */
    List<Operator> all();
}
