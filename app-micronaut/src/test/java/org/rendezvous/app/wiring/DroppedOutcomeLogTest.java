package org.rendezvous.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.slf4j.LoggerFactory;

/** Issue 15, item 5: a refusal nobody waits for (a provider's webhook, the sandbox's hooks) is logged, not dropped. */
class DroppedOutcomeLogTest {

    record SomeEvent(String id) {
    }

    @Test
    @DisplayName("a refused event is logged with its kind, reason code and detail; an accepted one is not")
    void refusalIsLogged() {
        Logger logger = (Logger) LoggerFactory.getLogger(EngineFactory.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            EngineFactory.logRefusal("Stripe webhook", new SomeEvent("evt_1"), Outcome.accepted("fine"));
            EngineFactory.logRefusal("Stripe webhook", new SomeEvent("evt_2"),
                    Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking"));
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel().toString()).isEqualTo("WARN");
            assertThat(event.getFormattedMessage()).contains("Stripe webhook").contains("SomeEvent")
                    .contains("NOT_FOUND").contains("bookingId: no such booking");
        });
    }
}
