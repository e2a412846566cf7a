package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;

class MessageTemplatesTest {

    final MessageTemplates templates = Samples.templates();

    static Stream<Arguments> everyRouteInEveryLanguage() {
        List<Arguments> all = new ArrayList<>();
        for (MessageKind kind : MessageKind.values()) {
            for (MessageKind.Route route : kind.routes()) {
                for (Language language : Language.values()) {
                    all.add(Arguments.of(kind, route.recipient(), route.channel(), language));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} to {1} by {2} in {3}")
    @MethodSource("everyRouteInEveryLanguage")
    @DisplayName("NOT-1 NOT-4 every message kind renders for each of its recipients and channels, in French and English, with nothing left unreplaced")
    void everyKindRenders(MessageKind kind, Recipient recipient, Channel channel, Language language) {
        for (Map<String, String> parameters : List.of(Samples.parameters(), Map.<String, String>of())) {
            OutgoingMessage message = Samples.message(kind, recipient, channel, language, parameters);
            if (channel == Channel.EMAIL) {
                RenderedEmail email = templates.email(message);
                assertThat(email.subject()).isNotBlank().doesNotContain("{{", "}}", "\n");
                assertThat(email.text()).contains(message.to().name().value()).doesNotContain("{{", "}}");
                assertThat(email.html()).contains("<p>").doesNotContain("{{", "}}")
                        .contains("lang=\"" + language.locale().getLanguage() + "\"");
            } else {
                String sms = templates.sms(message);
                assertThat(sms).isNotBlank().doesNotContain("{{", "}}");
                assertThat(SmsText.segments(SmsText.fit(sms, 2))).isLessThanOrEqualTo(2);
            }
        }
    }

    @Test
    @DisplayName("NOT-1 NOT-4 every kind has its subject and body, and an SMS text when it goes by SMS, in both languages")
    void noTemplateMissing() throws IOException {
        for (Language language : Language.values()) {
            for (MessageKind kind : MessageKind.values()) {
                String base = "templates/" + language.locale().getLanguage() + "/" + kind.name().toLowerCase(Locale.ROOT);
                assertThat(resource(base + ".subject.mustache")).as(base + ".subject").isTrue();
                assertThat(resource(base + ".body.mustache")).as(base + ".body").isTrue();
                boolean bySms = kind.routes().stream().anyMatch(r -> r.channel() == Channel.SMS);
                assertThat(resource(base + ".sms.mustache")).as(base + ".sms").isEqualTo(bySms);
            }
        }
    }

    private static boolean resource(String path) throws IOException {
        try (InputStream in = MessageTemplates.class.getResourceAsStream(path)) {
            return in != null;
        }
    }

    @Test
    @DisplayName("NOT-4 French: times in the practitioner's zone, French dates and amounts, accents intact")
    void frenchConfirmation() {
        RenderedEmail email = templates.email(Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT,
                Channel.EMAIL, Language.FRENCH));

        assertThat(email.subject()).isEqualTo("Rendez-vous confirmé avec Anna Müller – mardi 3 juin à 09h00");
        assertThat(email.text()).startsWith("Bonjour Zoé Lefèvre,")
                .contains("Date : mardi 3 juin 2025 à 09h00 (heure de Paris), 60 min")
                .contains("Consultation : Shiatsu équilibrant")
                .contains("Adresse : 12 rue de la Paix, 75002 Paris")
                .contains("Tarif : 60,00\u00a0€")
                .contains("Tarif : 60,00\u00a0€ (déjà réglé : 60,00\u00a0€)\n\nGérer votre rendez-vous : "
                        + "https://rdv.example.org/b/tok3n_0f_th3_b00king_l1nk")
                .contains("jusqu'à 24 h avant");
        assertThat(email.html()).contains("<a href=\"https://rdv.example.org/b/tok3n_0f_th3_b00king_l1nk\"")
                .contains("jusqu'à 24 h avant");
    }

    @Test
    @DisplayName("NOT-4 English: times in the practitioner's zone, not the recipient's or the server's")
    void englishReminderInPractitionersZone() {
        RenderedEmail email = templates.email(Samples.message(MessageKind.SECOND_REMINDER, Recipient.CLIENT,
                Channel.EMAIL, Language.ENGLISH));

        assertThat(email.subject()).isEqualTo("Coming up: appointment with Anna Müller – Tue, Jun 3 at 9:00 AM");
        assertThat(email.text()).contains("When: Tuesday, June 3, 2025 at 9:00 AM (Paris time), 60 min")
                .contains("Price: €60.00");
    }

    @Test
    @DisplayName("NOT-1 the practitioner and the client read different words about the same event")
    void recipientSpecificWording() {
        String toAnna = templates.email(Samples.message(MessageKind.BOOKING_REQUESTED, Recipient.PRACTITIONER,
                Channel.EMAIL, Language.FRENCH)).text();
        String toZoe = templates.email(Samples.message(MessageKind.BOOKING_REQUESTED, Recipient.CLIENT,
                Channel.EMAIL, Language.FRENCH)).text();

        assertThat(toAnna).startsWith("Bonjour Anna Müller,").contains("Zoé Lefèvre demande un rendez-vous")
                .contains("Votre tableau de bord : https://rdv.example.org/dashboard")
                .doesNotContain("tok3n_0f_th3_b00king_l1nk");
        assertThat(toZoe).contains("a bien été transmise à Anna Müller");
    }

    @Test
    @DisplayName("NOT-1 a move shows the previous and the new time; a charge shows the amounts")
    void moveAndChargeDetails() {
        String moved = templates.email(Samples.message(MessageKind.MOVED_BY_PRACTITIONER, Recipient.CLIENT,
                Channel.EMAIL, Language.FRENCH)).text();
        String noShow = templates.email(Samples.message(MessageKind.NO_SHOW_CHARGED, Recipient.CLIENT,
                Channel.EMAIL, Language.ENGLISH)).text();
        String payout = templates.email(Samples.message(MessageKind.PAYOUT_SENT, Recipient.PRACTITIONER,
                Channel.EMAIL, Language.FRENCH)).text();

        assertThat(moved).contains("du lundi 2 juin 2025 à 14h30 au mardi 3 juin 2025 à 09h00");
        assertThat(noShow).contains("you are charged €30.00").contains("The rest, €30.00, is refunded");
        assertThat(payout).contains("virement de 1\u202f234,50\u00a0€");
    }

    @Test
    @DisplayName("CX-7 NOT-1 a waitlist alert links to the booking's page with the time offered, which the page takes in one click")
    void waitlistAlertLinksToTheOffer() {
        for (Language language : Language.values()) {
            String email = templates.email(Samples.message(MessageKind.WAITLIST_ALERT, Recipient.CLIENT, Channel.EMAIL,
                    language)).text();
            assertThat(email).contains("https://rdv.example.org/b/" + Samples.TOKEN.value() + "?offer=2025-06-02T08%3A00%3A00Z");
        }
    }

    @Test
    @DisplayName("NOT-1 HTML bodies escape what people typed")
    void htmlEscapesUserText() {
        OutgoingMessage base = Samples.message(MessageKind.BOOKING_REQUESTED, Recipient.PRACTITIONER, Channel.EMAIL,
                Language.ENGLISH);
        OutgoingMessage hostile = new OutgoingMessage(base.id(), base.causeKey(), base.kind(), base.channel(),
                base.recipientRole(), base.to(), base.practitioner(), base.zone(), base.booking(),
                base.client().map(c -> new org.rendezvous.core.notification.Contact(
                        org.rendezvous.core.contact.PersonName.of("<script>alert(1)</script>"), c.email(), c.phone(),
                        c.language())), base.parameters());

        RenderedEmail email = templates.email(hostile);

        assertThat(email.html()).doesNotContain("<script>").contains("&lt;script&gt;");
        assertThat(email.text()).contains("<script>alert(1)</script>");
    }

    @Test
    @DisplayName("NOT-1 SMS amounts and French accents stay in the GSM alphabet where they can")
    void smsStaysGsm() {
        String sms = SmsText.fit(templates.sms(Samples.message(MessageKind.BOOKING_CONFIRMED, Recipient.CLIENT,
                Channel.SMS, Language.FRENCH)), 2);

        assertThat(sms).startsWith("RDV confirmé avec Anna Müller le mardi 3 juin à 09h00 (Shiatsu équilibrant).");
        assertThat(SmsText.encoding(sms)).isEqualTo(SmsText.Encoding.GSM_7);
    }

    @Test
    @DisplayName("CX-2 NOT-1 an early cancellation by the client says the prepayment is refunded in full, with no charge")
    void earlyCancellationWording() {
        OutgoingMessage base = Samples.message(MessageKind.CANCELLED_BY_CLIENT, Recipient.CLIENT, Channel.EMAIL,
                Language.FRENCH);
        org.rendezvous.core.notification.BookingDetails b = base.booking().orElseThrow();
        org.rendezvous.core.notification.BookingDetails refunded = new org.rendezvous.core.notification.BookingDetails(
                b.id(), b.start(), b.end(), b.activity(), b.mode(), b.address(), b.price(), b.paid(), b.state(),
                b.calendarSequence(), b.accessToken(), b.cancellationDeadline(), java.util.Optional.empty(),
                java.util.Optional.of(b.paid()));
        OutgoingMessage early = new OutgoingMessage(base.id(), base.causeKey(), base.kind(), base.channel(),
                base.recipientRole(), base.to(), base.practitioner(), base.zone(), java.util.Optional.of(refunded),
                base.client(), base.parameters());

        assertThat(templates.email(early).text())
                .contains("est annulé. Le montant de 60,00\u00a0€ vous est intégralement remboursé.")
                .doesNotContain("facturé");
        assertThat(templates.email(base).text())
                .contains("L'annulation étant tardive, 30,00\u00a0€ vous est facturé")
                .contains("Le reste, 30,00\u00a0€, vous est remboursé.");
    }
}
