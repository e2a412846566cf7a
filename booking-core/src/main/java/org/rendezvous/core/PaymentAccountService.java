package org.rendezvous.core;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.AccountOpening;
import org.rendezvous.core.payment.AccountState;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.payment.OpenAccountRequest;
import org.rendezvous.core.payment.PaymentAccount;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.OnboardingGateway;
import org.rendezvous.core.port.PaymentAccounts;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practitioner's account at the payment provider (issue 12): opened and completed on the provider's
 * own pages, kept up to date by the provider's events. In DIRECT_CONNECT clients pay on it, so online
 * payment waits until it can take payments; in PLATFORM_COLLECTS it can be the payout destination, and
 * payouts are carried over until it can receive them (PO-4). The provider is called outside any lock.
 */
public final class PaymentAccountService {

    private static final Logger LOG = LoggerFactory.getLogger(PaymentAccountService.class);

    private final Practitioners practitioners;
    private final PayoutAccounts payoutAccounts;
    private final Transactions transactions;
    private final PaymentAccounts paymentAccounts;
    private final Now clock;
    private final EngineSettings engineSettings;
    private final OnboardingGateway gateway;

    PaymentAccountService(Practitioners practitioners, PayoutAccounts payoutAccounts, Transactions transactions,
                          PaymentAccounts paymentAccounts, Now clock, EngineSettings engineSettings,
                          OnboardingGateway gateway) {
        this.practitioners = practitioners;
        this.payoutAccounts = payoutAccounts;
        this.transactions = transactions;
        this.paymentAccounts = paymentAccounts;
        this.clock = clock;
        this.engineSettings = engineSettings;
        this.gateway = gateway;
    }

    /** What the dashboard shows of a payment account. */
    public record View(PaymentAccount account, AccountState state, boolean usedForPayouts) {
        public View {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(state, "state");
        }
    }

    public Optional<View> find(PractitionerId practitioner) {
        return paymentAccounts.find(practitioner).map(account -> view(practitioner, account));
    }

    /**
     * Opens the practitioner's account if they have none (once: the provider key is the practitioner's),
     * then a page of the provider to give what it still asks for, or to change details already given.
     *
     * @param country ISO 3166-1 alpha-2 code, used only when the account is opened
     */
    public Outcome<OnboardingLink.Started> startOnboarding(PractitionerId practitioner, String country, URI refreshUrl,
                                                           URI returnUrl) {
        Optional<Practitioner> found = practitioners.find(practitioner);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        Optional<PaymentAccount> existing = paymentAccounts.find(practitioner);
        PaymentAccount account;
        if (existing.isPresent()) {
            account = existing.get();
        } else {
            AccountOpening opening = gateway.open(new OpenAccountRequest(practitioner, found.get().email(), country,
                    new ProviderKey("rdv:account:" + practitioner)));
            if (opening instanceof AccountOpening.Refused refused) {
                return Outcome.rejected(Reason.PAYMENT_REFUSED, "country: the payment provider refused to open an account: "
                        + refused.reason());
            }
            if (opening instanceof AccountOpening.Unreachable unreachable) {
                LOG.warn("payment account of {} not opened: {}", practitioner, unreachable.why());
                return unavailable();
            }
            AccountOpening.Opened opened = (AccountOpening.Opened) opening;
            account = transactions.inAgenda(practitioner, () -> {
                // Two clicks at once: the provider answered both with the same account (same key); the first saved wins.
                Optional<PaymentAccount> raced = paymentAccounts.find(practitioner);
                if (raced.isPresent()) {
                    return raced.get();
                }
                PaymentAccount created = new PaymentAccount(practitioner, opened.accountId(), opened.status(), clock.instant());
                paymentAccounts.save(created);
                return created;
            });
        }
        OnboardingLink.Purpose purpose = view(practitioner, account).state() == AccountState.DETAILS_NEEDED
                || !account.status().detailsSubmitted() ? OnboardingLink.Purpose.ONBOARDING : OnboardingLink.Purpose.UPDATE;
        OnboardingLink link = gateway.link(new OnboardingLink.Request(account.accountId(), purpose, refreshUrl, returnUrl));
        if (link instanceof OnboardingLink.Started started) {
            return Outcome.accepted(started);
        }
        if (link instanceof OnboardingLink.Refused refused) {
            return Outcome.rejected(Reason.PAYMENT_REFUSED, "accountId: the payment provider refused the page: "
                    + refused.reason());
        }
        LOG.warn("onboarding page of {} not opened: {}", practitioner, ((OnboardingLink.Unreachable) link).why());
        return unavailable();
    }

    /** Asks the provider how the account stands now (the practitioner just came back from its page). */
    public Outcome<View> refresh(PractitionerId practitioner) {
        Optional<PaymentAccount> existing = paymentAccounts.find(practitioner);
        if (existing.isEmpty()) {
            return Outcome.rejected(Reason.NO_PAYMENT_ACCOUNT, "accountId: no payment account connected yet");
        }
        Instant asked = clock.instant();
        AccountOpening answer = gateway.lookup(existing.get().accountId());
        if (answer instanceof AccountOpening.Opened opened) {
            return Outcome.accepted(update(existing.get().accountId(), opened.status(), asked).orElseThrow());
        }
        if (answer instanceof AccountOpening.Refused refused) {
            return Outcome.rejected(Reason.PAYMENT_REFUSED, "accountId: the payment provider refused: " + refused.reason());
        }
        return unavailable();
    }

    /** The provider's news of an account (PAY-5: already authenticated); an older one than known changes nothing. */
    public Outcome<View> apply(PaymentEvent.AccountUpdated event) {
        return update(event.accountId(), event.status(), event.at())
                .<Outcome<View>>map(Outcome::accepted)
                .orElseGet(() -> Outcome.rejected(Reason.NOT_FOUND, "accountId: no practitioner has this account"));
    }

    /**
     * PLATFORM_COLLECTS: payouts go to the connected account from now on (the bank details stay known to
     * nobody but the provider). They are carried over until it can receive them (PO-4).
     */
    public Outcome<View> useForPayouts(PractitionerId practitioner) {
        if (engineSettings.model() != CommercialModel.PLATFORM_COLLECTS) {
            return Outcome.rejected(Reason.NO_PAYOUTS_IN_THIS_MODEL,
                    "practitionerId: payouts are made by the payment provider in this platform's model");
        }
        return transactions.inAgenda(practitioner, () -> {
            Optional<PaymentAccount> account = paymentAccounts.find(practitioner);
            if (account.isEmpty()) {
                return Outcome.rejected(Reason.NO_PAYMENT_ACCOUNT, "accountId: connect a payment account first");
            }
            payoutAccounts.save(practitioner, destination(account.get()));
            return Outcome.accepted(view(practitioner, account.get()));
        });
    }

    private Optional<View> update(String accountId, org.rendezvous.core.payment.AccountStatus status, Instant at) {
        Optional<PaymentAccount> known = paymentAccounts.findByAccountId(accountId);
        if (known.isEmpty()) {
            return Optional.empty();
        }
        PractitionerId practitioner = known.get().practitionerId();
        return Optional.of(transactions.inAgenda(practitioner, () -> {
            PaymentAccount current = paymentAccounts.find(practitioner).orElseThrow();
            // The provider's times are whole seconds (Stripe's event.created): news of the second the known state
            // was taken in is not older than it, or an account.updated right after onboarding would be lost.
            if (!current.accountId().equals(accountId)
                    || at.isBefore(current.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))) {
                return view(practitioner, current);
            }
            PaymentAccount updated = current.withStatus(status, at);
            paymentAccounts.save(updated);
            // PO-4: the payout destination's readiness follows the provider's word.
            payoutAccounts.find(practitioner)
                    .filter(d -> d instanceof PayoutDestination.ProviderAccount p && p.accountId().equals(accountId))
                    .ifPresent(d -> payoutAccounts.save(practitioner, destination(updated)));
            return view(practitioner, updated);
        }));
    }

    private View view(PractitionerId practitioner, PaymentAccount account) {
        boolean usedForPayouts = payoutAccounts.find(practitioner)
                .filter(d -> d instanceof PayoutDestination.ProviderAccount p && p.accountId().equals(account.accountId()))
                .isPresent();
        return new View(account, account.status().state(takesPayments(engineSettings)), usedForPayouts);
    }

    private static PayoutDestination.ProviderAccount destination(PaymentAccount account) {
        return new PayoutDestination.ProviderAccount(account.accountId(), account.canReceivePayouts());
    }

    static boolean takesPayments(EngineSettings engineSettings) {
        return engineSettings.model() == CommercialModel.DIRECT_CONNECT;
    }

    /**
     * DIRECT_CONNECT: whether clients can pay on the practitioner's own account. An account an embedder set
     * as the payout destination directly (without onboarding through the engine) counts when it is ready.
     */
    static boolean canTakePayments(PaymentAccounts paymentAccounts, PayoutAccounts payoutAccounts,
                                   PractitionerId practitioner) {
        Optional<PaymentAccount> account = paymentAccounts.find(practitioner);
        if (account.isPresent()) {
            return account.get().canTakePayments();
        }
        return payoutAccounts.find(practitioner)
                .filter(d -> d instanceof PayoutDestination.ProviderAccount).filter(PayoutDestination::ready).isPresent();
    }

    /** DIRECT_CONNECT: the account a practitioner's charges are made on. */
    static Optional<String> connectedAccount(PaymentAccounts paymentAccounts, PayoutAccounts payoutAccounts,
                                    PractitionerId practitioner) {
        Optional<PaymentAccount> account = paymentAccounts.find(practitioner);
        if (account.isPresent()) {
            return Optional.of(account.get().accountId());
        }
        return payoutAccounts.find(practitioner)
                .filter(PayoutDestination.ProviderAccount.class::isInstance)
                .map(d -> ((PayoutDestination.ProviderAccount) d).accountId());
    }

    private static <T> Outcome<T> unavailable() {
        return Outcome.rejected(Reason.PAYMENT_PROVIDER_UNAVAILABLE,
                "accountId: the payment provider cannot be reached; try again in a moment");
    }
}
