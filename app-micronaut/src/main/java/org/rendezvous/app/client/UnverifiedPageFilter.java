package org.rendezvous.app.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.rendezvous.app.http.Problem;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * ACC-1: a practitioner's public page stays hidden until they verified their e-mail; PAGE-1: and while
 * they disable it. Meanwhile their public routes answer as for a practitioner that does not exist.
 * Practitioners without an account (an embedder's, or the demo's) are not concerned by ACC-1. A
 * practitioner an operator suspended is hidden the same way.
 */
@ServerFilter("/api/public/practitioners/**")
final class UnverifiedPageFilter {

    private static final String PREFIX = "/api/public/practitioners/";

    private final AccountService accounts;
    private final Rendezvous engine;
    private final org.rendezvous.core.port.Stores stores;

    UnverifiedPageFilter(AccountService accounts, Rendezvous engine, org.rendezvous.core.port.Stores stores) {
        this.accounts = accounts;
        this.engine = engine;
        this.stores = stores;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING) // it reads the accounts and the profile from the database
    @Nullable
    HttpResponse<?> hideUnverified(HttpRequest<?> request) {
        String path = request.getPath();
        if (!path.startsWith(PREFIX)) {
            return null;
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String id = slash < 0 ? rest : rest.substring(0, slash);
        PractitionerId practitioner;
        try {
            practitioner = PractitionerId.of(id);
        } catch (IllegalArgumentException notAnId) {
            return null; // the controller answers a bad id itself
        }
        // The three reads in one short transaction (issue 15): one connection checkout and one commit before every
        // public request, not three of each.
        boolean hidden = stores.transactions().inTransaction(() ->
                accounts.credentials(practitioner).map(c -> !c.emailVerified()).orElse(false)
                        || !engine.practitioners().pageEnabled(practitioner)
                        || engine.operators().suspended(practitioner));
        return hidden ? Problem.of(Reason.NOT_FOUND, "practitionerId: no such practitioner").toResponse() : null;
    }
}
