package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.calendar.FeedToken;
import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Practitioner;

/** What every {@link CalendarFeeds} adapter (the secrets of the practitioners' calendar feeds, CAL-2) must do. */
public abstract class CalendarFeedsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected CalendarFeeds feeds;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    /** The adapter under test, sharing the transactions of {@code stores}. */
    protected abstract CalendarFeeds newFeeds(Stores stores);

    @BeforeEach
    void freshStores() {
        stores = newStores();
        feeds = newFeeds(stores);
    }

    private Practitioner practitioner() {
        Practitioner p = fixtures.practitioner();
        stores.practitioners().add(p);
        return p;
    }

    private FeedToken token() {
        return new FeedToken(fixtures.newId().toString().replace("-", "") + "Ab");
    }

    @Test
    @DisplayName("CAL-2 a practitioner has no feed until given a token; the token opens their feed only")
    void givenAndFound() {
        Practitioner anna = practitioner();
        Practitioner bob = practitioner();
        assertThat(feeds.token(anna.id())).isEmpty();

        FeedToken annas = token();
        FeedToken bobs = token();
        feeds.replace(anna.id(), annas);
        feeds.replace(bob.id(), bobs);

        assertThat(feeds.token(anna.id())).contains(annas);
        assertThat(feeds.owner(annas)).contains(anna.id());
        assertThat(feeds.owner(bobs)).contains(bob.id());
        assertThat(feeds.owner(token())).isEmpty();
    }

    @Test
    @DisplayName("CAL-2 replacing the token revokes the old address at once")
    void rotationRevokes() {
        Practitioner anna = practitioner();
        FeedToken old = token();
        FeedToken fresh = token();
        feeds.replace(anna.id(), old);

        feeds.replace(anna.id(), fresh);

        assertThat(feeds.owner(old)).isEmpty();
        assertThat(feeds.owner(fresh)).contains(anna.id());
        assertThat(feeds.token(anna.id())).contains(fresh);
    }

    @Test
    @DisplayName("a token given in a unit of work that fails is not kept")
    void rolledBack() {
        Practitioner anna = practitioner();
        FeedToken old = token();
        feeds.replace(anna.id(), old);

        assertThatThrownBy(() -> stores.transactions().inTransaction(() -> {
            feeds.replace(anna.id(), token());
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(feeds.token(anna.id())).contains(old);
        assertThat(feeds.owner(old)).contains(anna.id());
    }

    @Test
    @DisplayName("a feed token has at least 128 bits in URL-safe characters")
    void tokenShape() {
        assertThatThrownBy(() -> new FeedToken("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("feedToken:");
        assertThatThrownBy(() -> new FeedToken("a/b".repeat(10))).isInstanceOf(IllegalArgumentException.class);
        assertThat(FeedToken.isWellFormed("../etc/passwd")).isFalse();
        assertThat(token().toString()).doesNotContain(token().value());
    }
}
