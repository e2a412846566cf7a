package org.rendezvous.core.inmemory;

import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.PaymentCheck;
import org.rendezvous.core.port.PaymentGateway;

/**
 * A payment provider that lives in memory: what it has received is what {@link #receive} and
 * {@link #saveGuarantee} told it. For embedders without a provider, demos and tests.
 */
public final class InMemoryPaymentGateway implements PaymentGateway {

    private final ConcurrentHashMap<BookingId, PaymentCheck> received = new ConcurrentHashMap<>();
    private volatile boolean reachable = true;

    public void receive(BookingId booking, Money amount, String reference) {
        received.put(booking, new PaymentCheck.Paid(amount, reference));
    }

    public void saveGuarantee(BookingId booking, String reference) {
        received.put(booking, new PaymentCheck.GuaranteeSaved(reference));
    }

    /** Makes the provider unreachable (or reachable again), as when the network is down. */
    public void setReachable(boolean newReachable) {
        this.reachable = newReachable;
    }

    @Override
    public PaymentCheck check(BookingId booking) {
        if (!reachable) {
            return new PaymentCheck.Unreachable("the in-memory provider was made unreachable");
        }
        return received.getOrDefault(booking, new PaymentCheck.NothingReceived());
    }
}
