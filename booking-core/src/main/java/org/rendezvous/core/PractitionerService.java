package org.rendezvous.core;

import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/** Practitioners and their agenda settings. */
public final class PractitionerService {

    private final Engine engine;

    PractitionerService(Engine engine) {
        this.engine = engine;
    }

    /** A new practitioner with an empty agenda and the default settings in their time zone (AG-1). */
    public Practitioner register(RegisterPractitionerCommand command) {
        PractitionerId id = new PractitionerId(engine.ids.newId());
        Practitioner practitioner = new Practitioner(id, command.name(), command.email(), command.phone(),
                command.language(), engine.now());
        return engine.stores.transactions().inAgenda(id, () -> {
            engine.stores.practitioners().add(practitioner);
            engine.stores.agendas().saveSettings(id, AgendaSettings.defaults(command.zone()));
            engine.stores.subscriptions().save(org.rendezvous.core.plan.Subscription.startTrial(id, practitioner.registeredAt(),
                    command.zone(), engine.settings.plans()));
            return practitioner;
        });
    }

    public Optional<Practitioner> find(PractitionerId id) {
        return engine.stores.practitioners().find(id);
    }

    public Optional<AgendaSettings> settings(PractitionerId id) {
        return engine.agendaSettings(id);
    }

    /**
     * Replaces the agenda settings. Bookings already made keep what they froze (BK-9); a new time zone
     * keeps the openings' wall-clock times and moves no booking (AG-1). Requiring online payment is
     * refused while an active activity costs less than the provider's minimum (PAY-7).
     */
    public Outcome<AgendaSettings> changeSettings(PractitionerId id, AgendaSettings newSettings) {
        return engine.stores.transactions().inAgenda(id, () -> {
            if (engine.agendaSettings(id).isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
            }
            if (!newSettings.currency().equals(engine.settings.providerMinimumCharge().currency())) {
                return Outcome.rejected(Reason.INVALID_SETTING, "currency: the platform works in "
                        + engine.settings.providerMinimumCharge().currency().getCurrencyCode());
            }
            for (Activity activity : engine.stores.agendas().activities(id)) {
                Optional<String> problem = AgendaService.onlinePaymentProblem(engine, activity, newSettings);
                if (problem.isPresent()) {
                    return Outcome.rejected(Reason.BELOW_PROVIDER_MINIMUM, problem.get());
                }
            }
            engine.stores.agendas().saveSettings(id, newSettings);
            // PLAN-2 counts months in the practitioner's zone: the subscription follows a move.
            engine.stores.subscriptions().find(id).filter(sub -> !sub.zone().equals(newSettings.zone()))
                    .ifPresent(sub -> engine.stores.subscriptions().save(sub.inZone(newSettings.zone())));
            return Outcome.accepted(newSettings);
        });
    }
}
