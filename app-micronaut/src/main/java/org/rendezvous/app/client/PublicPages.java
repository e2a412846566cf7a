package org.rendezvous.app.client;

import jakarta.inject.Singleton;
import java.util.Optional;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.PublicPage;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.practitioner.Slug;

/**
 * Which public page a slug shows, for the page's data and for the page itself: a slug nobody has, a page
 * its practitioner disabled, the page of a practitioner an operator suspended, and the page of a practitioner whose e-mail is not verified yet (ACC-1) are
 * all absent. Practitioners without an account (an embedder's) are public.
 */
@Singleton
public final class PublicPages {

    private final Rendezvous engine;
    private final AccountService accounts;

    PublicPages(Rendezvous engine, AccountService accounts) {
        this.engine = engine;
        this.accounts = accounts;
    }

    public Optional<PublicPage> visible(String raw) {
        Slug slug;
        try {
            slug = Slug.of(raw);
        } catch (IllegalArgumentException notASlug) {
            return Optional.empty(); // no page can have it
        }
        return engine.practitioners().publicPage(slug).filter(page -> accounts.credentials(page.practitioner().id())
                .map(Credentials::emailVerified).orElse(true))
                .filter(page -> !engine.operators().suspended(page.practitioner().id()));
    }
}
