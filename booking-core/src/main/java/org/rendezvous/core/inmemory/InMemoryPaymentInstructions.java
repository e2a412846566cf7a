package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentInstructionId;
import org.rendezvous.core.port.PaymentInstructions;

final class InMemoryPaymentInstructions implements PaymentInstructions {

    private final ConcurrentHashMap<PaymentInstructionId, PaymentInstruction> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, PaymentInstructionId> byCause = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryPaymentInstructions(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized boolean add(PaymentInstruction instruction) {
        if (byCause.putIfAbsent(instruction.causeKey(), instruction.id()) != null) {
            return false;
        }
        byId.put(instruction.id(), instruction);
        transactions.onRollback(() -> {
            synchronized (this) {
                byId.remove(instruction.id());
                byCause.remove(instruction.causeKey());
            }
        });
        return true;
    }

    @Override
    public Optional<PaymentInstruction> find(PaymentInstructionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized boolean update(PaymentInstruction expected, PaymentInstruction next) {
        if (!expected.id().equals(next.id()) || !byId.replace(next.id(), expected, next)) {
            return false;
        }
        transactions.onRollback(() -> byId.replace(next.id(), next, expected));
        return true;
    }

    @Override
    public List<PaymentInstruction> due(Instant now, int limit) {
        return byId.values().stream()
                .filter(i -> i.state() == InstructionState.DUE && !i.dueAt().isAfter(now))
                .sorted(Comparator.comparing(PaymentInstruction::dueAt).thenComparing(i -> i.id().value()))
                .limit(limit)
                .toList();
    }

    @Override
    public List<PaymentInstruction> ofBooking(BookingId booking) {
        return byId.values().stream().filter(i -> i.bookingId().equals(booking))
                .sorted(Comparator.comparing(PaymentInstruction::createdAt).thenComparing(i -> i.id().value()))
                .toList();
    }
}
