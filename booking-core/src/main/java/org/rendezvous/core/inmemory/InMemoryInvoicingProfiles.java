package org.rendezvous.core.inmemory;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.port.InvoicingProfiles;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryInvoicingProfiles implements InvoicingProfiles {

    private final ConcurrentHashMap<PractitionerId, InvoicingProfile> byPractitioner = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryInvoicingProfiles(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Optional<InvoicingProfile> find(PractitionerId practitioner) {
        return Optional.ofNullable(byPractitioner.get(Objects.requireNonNull(practitioner, "practitioner")));
    }

    @Override
    public void save(InvoicingProfile profile) {
        PractitionerId id = profile.practitionerId();
        InvoicingProfile previous = byPractitioner.put(id, profile);
        transactions.onRollback(() -> {
            if (previous == null) {
                byPractitioner.remove(id, profile);
            } else {
                byPractitioner.replace(id, profile, previous);
            }
        });
    }

    @Override
    public java.util.List<InvoicingProfile> withAutoIssue(int limit) {
        return byPractitioner.values().stream().filter(p -> p.autoIssue() != InvoicingProfile.AutoIssue.NEVER)
                .sorted(java.util.Comparator.comparing(p -> p.practitionerId().value())).limit(limit).toList();
    }
}
