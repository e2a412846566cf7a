package org.rendezvous.core.port;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentInstructionId;

/** Money work waiting to be carried out, written in the same transaction as its cause. */
public interface PaymentInstructions {

    /** Adds the instruction unless one with the same cause key exists; true when it was added. */
    boolean add(PaymentInstruction instruction);

    Optional<PaymentInstruction> find(PaymentInstructionId id);

    /** Stores a new version of the instruction if it is still as {@code expected} was; false when someone else changed it. */
    boolean update(PaymentInstruction expected, PaymentInstruction next);

    /** DUE instructions whose due time has come, earliest first. */
    List<PaymentInstruction> due(Instant now, int limit);

    /** A booking's instructions, oldest first. */
    List<PaymentInstruction> ofBooking(BookingId booking);
}
