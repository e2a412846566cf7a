package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rendezvous.core.port.Stores;

/**
 * What the client-account tests share (CLI-2): a real SMTP server (GreenMail) the host sends sign-in links to,
 * and practitioners with an agenda, a public page and bookings made through the public API.
 */
final class ClientAccountsTestSupport {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";
    private static final Pattern LINK = Pattern.compile("/client/sign-in\\?token=([A-Za-z0-9_-]{22,})");

    private ClientAccountsTestSupport() {
    }

    /** One SMTP server per test class, started before the host so that its port is in the host's properties. */
    static GreenMail startMail() {
        GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        return mail;
    }

    static Map<String, String> mailProperties(GreenMail mail) {
        return Map.of("rendezvous.smtp.host", "127.0.0.1", "rendezvous.smtp.port",
                Integer.toString(mail.getSmtp().getPort()), "rendezvous.smtp.security", "NONE");
    }

    /** A practitioner with one activity, a dated opening ten days ahead (09:00–12:00 Paris) and a public page. */
    record Agenda(String session, String practitionerId, String activityId, LocalDate date, String slug, String name) {
    }

    static Agenda agenda(BlockingHttpClient http, Stores stores, String name) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "-" + suffix + "@example.org";
        String session = AccountsTestSupport.session(http, stores, email, name + "'s long password");
        Map<?, ?> profile = http.retrieve(HttpRequest.GET(P + "/profile").bearerAuth(session), Map.class);
        String id = (String) profile.get("id");
        http.exchange(HttpRequest.PUT(P + "/settings", Map.of("confirmation", "AUTOMATIC")).bearerAuth(session));
        String slug = "p-" + suffix;
        http.exchange(HttpRequest.PUT(P + "/profile", Map.of("slug", slug, "name", name)).bearerAuth(session));
        String activityId = (String) http.retrieve(HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu " + name, 60)).bearerAuth(session), Map.class).get("id");
        LocalDate date = LocalDate.now(PARIS).plusDays(10);
        http.exchange(HttpRequest.POST(P + "/openings", Map.of("date", date.toString(), "start", "09:00", "end", "12:00"))
                .bearerAuth(session));
        return new Agenda(session, id, activityId, date, slug, name);
    }

    static Map<?, ?> book(BlockingHttpClient http, Agenda agenda, String clientName, String clientEmail, LocalTime at) {
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + agenda.practitionerId() + "/bookings", Map.of(
                        "activityId", agenda.activityId(), "start", agenda.date().atTime(at).atZone(PARIS).toInstant().toString(),
                        "mode", "IN_PERSON", "client", Map.of("name", clientName, "email", clientEmail,
                                "phone", "+33 6 12 34 56 78", "language", "fr")))
                .header("Idempotency-Key", UUID.randomUUID().toString()), Map.class);
    }

    /** The messages the SMTP server received for this address so far. */
    static List<MimeMessage> mailTo(GreenMail mail, String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Waits for the n-th sign-in e-mail to this address and answers its link's path and query. */
    static String signInLink(GreenMail mail, String address, int nth) {
        long until = System.currentTimeMillis() + 10_000;
        while (mailTo(mail, address).size() < nth && System.currentTimeMillis() < until) {
            mail.waitForIncomingEmail(200, mail.getReceivedMessages().length + 1);
        }
        List<MimeMessage> messages = mailTo(mail, address);
        assertThat(messages).as("sign-in e-mails to %s", address).hasSizeGreaterThanOrEqualTo(nth);
        String text = text(messages.get(nth - 1));
        Matcher link = LINK.matcher(text);
        assertThat(link.find()).as("a sign-in link in %s", text).isTrue();
        return link.group();
    }

    static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    static String text(Part part) {
        try {
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    all.append(text(body));
                }
                return all.toString();
            }
            return "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
