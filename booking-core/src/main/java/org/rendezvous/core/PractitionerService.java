package org.rendezvous.core;

import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.PaymentAccounts;
import org.rendezvous.core.port.PayoutAccounts;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Profiles;
import org.rendezvous.core.port.Subscriptions;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.ChangeProfileCommand;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.practitioner.Slug;

/** Practitioners, their agenda settings and their public profile (PAGE-1, PAGE-2, ACC-4). */
public final class PractitionerService {

    private final Practitioners practitioners;
    private final Agendas agendas;
    private final PayoutAccounts payoutAccounts;
    private final Subscriptions subscriptions;
    private final Profiles profiles;
    private final Transactions transactions;
    private final PaymentAccounts paymentAccounts;
    private final Ids ids;
    private final Now clock;
    private final EngineSettings engineSettings;

    PractitionerService(Practitioners practitioners, Agendas agendas, PayoutAccounts payoutAccounts,
                        Subscriptions subscriptions, Profiles profiles, Transactions transactions,
                        PaymentAccounts paymentAccounts, Ids ids, Now clock, EngineSettings engineSettings) {
        this.practitioners = practitioners;
        this.agendas = agendas;
        this.payoutAccounts = payoutAccounts;
        this.subscriptions = subscriptions;
        this.profiles = profiles;
        this.transactions = transactions;
        this.paymentAccounts = paymentAccounts;
        this.ids = ids;
        this.clock = clock;
        this.engineSettings = engineSettings;
    }

    /** A new practitioner with an empty agenda and the default settings in their time zone (AG-1). */
    public Practitioner register(RegisterPractitionerCommand command) {
        PractitionerId id = new PractitionerId(ids.newId());
        Practitioner practitioner = new Practitioner(id, command.name(), command.email(), command.phone(),
                command.language(), clock.instant());
        return transactions.inAgenda(id, () -> {
            practitioners.add(practitioner);
            agendas.saveSettings(id, AgendaSettings.defaults(command.zone()));
            subscriptions.save(org.rendezvous.core.plan.Subscription.startTrial(id, practitioner.registeredAt(),
                    command.zone(), engineSettings.plans()));
            return practitioner;
        });
    }

    public Optional<Practitioner> find(PractitionerId id) {
        return practitioners.find(id);
    }

    public Optional<AgendaSettings> settings(PractitionerId id) {
        return agendas.settings(id);
    }

    /**
     * Replaces the agenda settings. Bookings already made keep what they froze (BK-9); a new time zone
     * keeps the openings' wall-clock times and moves no booking (AG-1). Requiring online payment is
     * refused while an active activity costs less than the provider's minimum (PAY-7).
     */
    public Outcome<AgendaSettings> changeSettings(PractitionerId id, AgendaSettings newSettings) {
        return transactions.inAgenda(id, () -> {
            if (agendas.settings(id).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            if (!newSettings.currency().equals(engineSettings.providerMinimumCharge().currency())) {
                return Outcome.rejected(Reason.INVALID_SETTING, "currency: the platform works in "
                        + engineSettings.providerMinimumCharge().currency().getCurrencyCode());
            }
            Optional<String> notReady = paymentAccountProblem(id, agendas.settings(id).get(), newSettings);
            if (notReady.isPresent()) {
                return Outcome.rejected(Reason.PAYMENT_ACCOUNT_NOT_READY, notReady.get());
            }
            for (Activity activity : agendas.activities(id)) {
                Optional<String> problem = AgendaService.onlinePaymentProblem(engineSettings, activity, newSettings);
                if (problem.isPresent()) {
                    return Outcome.rejected(Reason.BELOW_PROVIDER_MINIMUM, problem.get());
                }
            }
            agendas.saveSettings(id, newSettings);
            // PLAN-2 counts months in the practitioner's zone: the subscription follows a move.
            subscriptions.find(id).filter(sub -> !sub.zone().equals(newSettings.zone()))
                    .ifPresent(sub -> subscriptions.save(sub.inZone(newSettings.zone())));
            return Outcome.accepted(newSettings);
        });
    }

    /**
     * DIRECT_CONNECT: clients pay on the practitioner's own account, so payment at booking (PAY-1) and card
     * guarantees (PAY-2, taken when the no-show percentage is above 0) can be switched on only once that
     * account can take payments. What is already on stays on (the provider may ask for more details later;
     * its pages then refuse payments until given, and the dashboard says so).
     */
    private Optional<String> paymentAccountProblem(PractitionerId id, AgendaSettings before, AgendaSettings after) {
        if (engineSettings.model() != org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT
                || PaymentAccountService.canTakePayments(paymentAccounts, payoutAccounts, id)) {
            return Optional.empty();
        }
        if (before.onlinePayment() == org.rendezvous.core.agenda.OnlinePayment.NONE
                && after.onlinePayment() != org.rendezvous.core.agenda.OnlinePayment.NONE) {
            return Optional.of("onlinePayment: connect a payment account that can take payments first");
        }
        if (before.noShowPercentage().isZero() && !after.noShowPercentage().isZero()) {
            return Optional.of("noShowPercentage: a card guarantee needs a payment account that can take payments; "
                    + "connect one first");
        }
        return Optional.empty();
    }

    /** The practitioner's profile: the initial one (no slug, page enabled) until they change it. */
    public Optional<PractitionerProfile> profile(PractitionerId id) {
        if (practitioners.find(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(profiles.find(id).orElseGet(() -> PractitionerProfile.initial(id)));
    }

    /**
     * Replaces name, phone, language and the public page's profile at once. A slug another practitioner
     * has is refused with {@link Reason#SLUG_TAKEN} (PAGE-1) and then nothing changes.
     */
    public Outcome<PractitionerProfile> changeProfile(ChangeProfileCommand command) {
        PractitionerId id = command.practitioner();
        return transactions.inAgenda(id, () -> {
            Optional<Practitioner> found = practitioners.find(id);
            if (found.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            // The profile first: the store may refuse the slug, and then the practitioner is left as it was.
            Outcome<PractitionerProfile> saved = profiles.save(command.profile(false));
            if (saved.isAccepted()) {
                Practitioner before = found.get();
                practitioners.update(new Practitioner(id, command.name(), before.email(), command.phone(),
                        command.language(), before.registeredAt()));
            }
            return saved;
        });
    }

    /** Sets the photo (ACC-4: {@link ProfilePhoto} already checked its bytes and size). */
    public Outcome<PractitionerProfile> changePhoto(PractitionerId id, ProfilePhoto photo) {
        return transactions.inAgenda(id, () -> {
            Optional<PractitionerProfile> profile = profile(id);
            if (profile.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            if (profiles.find(id).isEmpty()) {
                profiles.save(profile.get()).orElseThrow();
            }
            profiles.savePhoto(id, photo);
            return Outcome.accepted(profile.get().withPhoto(true));
        });
    }

    /** Removes the photo; removing none is no error. */
    public Outcome<PractitionerProfile> removePhoto(PractitionerId id) {
        return transactions.inAgenda(id, () -> {
            Optional<PractitionerProfile> profile = profile(id);
            if (profile.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            profiles.deletePhoto(id);
            return Outcome.accepted(profile.get().withPhoto(false));
        });
    }

    public Optional<ProfilePhoto> photo(PractitionerId id) {
        return profiles.findPhoto(id);
    }

    /**
     * The public page at this slug (PAGE-1, PAGE-2), if the practitioner enabled it. Whether their e-mail
     * is verified (ACC-1) is the host's to add: accounts are kept apart from the engine's stores.
     */
    public Optional<PublicPage> publicPage(Slug slug) {
        Optional<PractitionerProfile> profile = profiles.findBySlug(slug)
                .filter(PractitionerProfile::pageEnabled);
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        PractitionerId id = profile.get().practitioner();
        Optional<Practitioner> practitioner = practitioners.find(id);
        Optional<AgendaSettings> settings = agendas.settings(id);
        if (practitioner.isEmpty() || settings.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PublicPage(practitioner.get(), profile.get(), settings.get(),
                agendas.activities(id).stream().filter(Activity::active).toList()));
    }

    /** Whether the practitioner's public pages are open: true until they disable them (PAGE-1). */
    public boolean pageEnabled(PractitionerId id) {
        return profiles.pageEnabled(id);
    }
}
