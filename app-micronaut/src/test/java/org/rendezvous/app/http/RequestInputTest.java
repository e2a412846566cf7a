package org.rendezvous.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 15, item 5: only bad input is a 400; any other IllegalArgumentException is a bug and a 500. */
class RequestInputTest {

    static IllegalArgumentException thrownThrough(String... frames) {
        IllegalArgumentException e = new IllegalArgumentException("email: not an e-mail address");
        StackTraceElement[] trace = new StackTraceElement[frames.length + 1];
        for (int i = 0; i < frames.length; i++) {
            int dot = frames[i].lastIndexOf('.');
            trace[i] = new StackTraceElement(frames[i].substring(0, dot), frames[i].substring(dot + 1), "X.java", 1);
        }
        trace[frames.length] = new StackTraceElement("java.lang.Thread", "run", "Thread.java", 1);
        e.setStackTrace(trace);
        return e;
    }

    @Test
    @DisplayName("a value a controller builds from the request and that refuses it is bad input, however deep its own validation")
    void valueBuiltByAControllerIsBadInput() {
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.core.contact.EmailAddress.<init>",
                "org.rendezvous.core.contact.EmailAddress.of", "org.rendezvous.app.client.PublicBookingController.lambda$book$0",
                "org.rendezvous.app.client.PublicBookingController.book"))).isTrue();
        assertThat(RequestInput.isBadInput(thrownThrough("java.util.UUID.fromString",
                "org.rendezvous.core.practitioner.PractitionerId.of", "org.rendezvous.app.practitioner.PractitionerAgendaController$Views.x")))
                .isTrue();
    }

    @Test
    @DisplayName("a value a use case builds from the command's content and that refuses it is bad input")
    void valueBuiltByAUseCaseFromTheCommandIsBadInput() {
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.core.agenda.Texts.requireLabel",
                "org.rendezvous.core.agenda.Unavailability.<init>", "org.rendezvous.core.AgendaService.addUnavailability",
                "org.rendezvous.app.practitioner.PractitionerAgendaController.addUnavailability"))).isTrue();
    }

    @Test
    @DisplayName("a controller's own check and the input helpers it calls are bad input")
    void controllersOwnChecksAreBadInput() {
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.app.practitioner.PractitionerAgendaController.required",
                "org.rendezvous.app.practitioner.PractitionerAgendaController.addActivity"))).isTrue();
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.app.http.PhoneInput.parse",
                "org.rendezvous.app.client.PublicBookingController.book"))).isTrue();
    }

    @Test
    @DisplayName("thrown in an adapter (even under a use case), a view, a filter or outside the host, it is a bug, whatever its message")
    void anywhereElseIsABug() {
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.core.contact.EmailAddress.<init>",
                "org.rendezvous.persistence.JdbiClients.client", "org.rendezvous.core.BookingService.find",
                "org.rendezvous.app.practitioner.PractitionerBookingController.booking"))).isFalse();
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.persistence.JdbiOutbox.claimDue",
                "org.rendezvous.app.ops.OperatorController.parked"))).isFalse();
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.core.money.Money.of",
                "org.rendezvous.app.http.ApiViews$BookingView.of", "org.rendezvous.app.client.PublicBookingController.view"))).isFalse();
        assertThat(RequestInput.isBadInput(thrownThrough("org.rendezvous.core.practitioner.PractitionerId.of",
                "org.rendezvous.app.client.UnverifiedPageFilter.hideUnverified"))).isFalse();
        assertThat(RequestInput.isBadInput(thrownThrough("io.micronaut.core.Something.call"))).isFalse();
    }
}
