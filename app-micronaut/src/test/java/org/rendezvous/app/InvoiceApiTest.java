package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** Invoices and revenue over HTTP (INV-1, INV-2): identity, draft from a booking, issue, PDF, credit note, CSV. */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class InvoiceApiTest {

    static final String P = "/api/practitioner";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    Rendezvous engine;

    BlockingHttpClient http;
    String token;
    PractitionerId me;
    Activity shiatsu;

    @BeforeEach
    void practitioner() {
        http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        token = AccountsTestSupport.session(http, stores, "inv-" + suffix + "@example.org", "a long enough password");
        me = PractitionerId.of((String) http.retrieve(HttpRequest.GET(P + "/profile").bearerAuth(token), Map.class).get("id"));
        shiatsu = engine.agenda().addActivity(new AddActivityCommand(me, "Shiatsu", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
        engine.agenda().addOpening(me, OpeningSpec.weekly(DayOfWeek.MONDAY, LocalDate.now(PARIS), LocalTime.of(9, 0),
                LocalTime.of(12, 0))).orElseThrow();
    }

    /** A booking made on the public page: its id and link secret. */
    Map<?, ?> book() {
        LocalDate monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + me + "/bookings", Map.of(
                "activityId", shiatsu.id().toString(), "start", monday.atTime(9, 0).atZone(PARIS).toInstant().toString(),
                "mode", "IN_PERSON", "client", Map.of("name", "Claire Dubois", "email", "claire@example.org",
                        "phone", "+33 6 12 34 56 78"))).header("Idempotency-Key", "book-" + me), Map.class);
    }

    static Map<String, Object> identity(String siret) {
        Map<String, Object> body = new HashMap<>();
        body.put("legalName", "Anna Martin");
        body.put("individualEntrepreneur", true);
        body.put("street", "12 rue des Lilas");
        body.put("postcode", "69003");
        body.put("city", "Lyon");
        body.put("siret", siret);
        body.put("vatExemptionMention", "TVA non applicable, art. 293 B du CGI");
        body.put("paymentDays", 0);
        return body;
    }

    @Test
    @DisplayName("INV-1 identity (a bad SIRET is a 400 naming siret), a booking's draft, issue 2026-style number, PDF for the practitioner and through the client's link, credit note once, CSV export")
    void invoiceJourney() {
        String bad = problemBody(failure(http, HttpRequest.PUT(P + "/invoicing-profile", identity("73282932000075"))
                .bearerAuth(token)), 400);
        assertThat(bad).contains("\"field\":\"siret\"");
        Map<?, ?> saved = http.retrieve(HttpRequest.PUT(P + "/invoicing-profile", identity("732 829 320 00074"))
                .bearerAuth(token), Map.class);
        assertThat(saved.get("displayName")).isEqualTo("Anna Martin EI");
        assertThat(saved.get("siret")).isEqualTo("73282932000074");
        problemBody(failure(http, HttpRequest.PUT(P + "/invoicing-profile/logo", "GIF89a".getBytes(StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_OCTET_STREAM).bearerAuth(token)), 400);
        assertThat(http.retrieve(HttpRequest.PUT(P + "/invoicing-profile/logo",
                java.util.Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="))
                .contentType(MediaType.IMAGE_PNG).bearerAuth(token), Map.class).get("hasLogo")).isEqualTo(true);

        Map<?, ?> booking = book();
        String link = (String) booking.get("clientLink");
        String secret = link.substring(link.lastIndexOf('/') + 1);
        problemBody(failure(http, HttpRequest.GET("/api/public/bookings/" + secret + "/invoice")), 404);

        Map<?, ?> draft = http.retrieve(HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/invoice", "")
                .bearerAuth(token), Map.class);
        assertThat(draft.get("state")).isEqualTo("DRAFT");
        assertThat(draft.get("buyerName")).isEqualTo("Claire Dubois");
        assertThat(((Map<?, ?>) draft.get("gross")).get("amount")).isEqualTo("60.00");
        String id = (String) draft.get("id");

        Map<?, ?> issued = http.retrieve(HttpRequest.POST(P + "/invoices/" + id + "/issue", "").bearerAuth(token), Map.class);
        String year = String.valueOf(LocalDate.now(PARIS).getYear());
        assertThat(issued.get("number")).isEqualTo(year + "-0001");
        assertThat(issued.get("state")).isEqualTo("ISSUED");
        problemBody(failure(http, HttpRequest.PUT(P + "/invoices/" + id, Map.of("buyerName", "X", "serviceDate", "2026-01-01",
                "lines", List.of(Map.of("description", "x", "quantity", "1", "unitPrice", "1.00")))).bearerAuth(token)), 409);
        problemBody(failure(http, HttpRequest.DELETE(P + "/invoices/" + id).bearerAuth(token)), 409);

        HttpResponse<byte[]> pdf = http.exchange(HttpRequest.GET(P + "/invoices/" + id + "/pdf").bearerAuth(token), byte[].class);
        assertThat(pdf.getContentType()).map(MediaType::toString).contains("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.header("Content-Disposition")).contains("invoice-" + year + "-0001.pdf");
        HttpResponse<byte[]> clients = http.exchange(HttpRequest.GET("/api/public/bookings/" + secret + "/invoice"), byte[].class);
        assertThat(clients.body()).isEqualTo(pdf.body());

        Map<?, ?> note = http.retrieve(HttpRequest.POST(P + "/invoices/" + id + "/credit-note", "").bearerAuth(token), Map.class);
        assertThat(note.get("kind")).isEqualTo("CREDIT_NOTE");
        assertThat(note.get("number")).isEqualTo(year + "-0002");
        assertThat(note.get("creditedNumber")).isEqualTo(year + "-0001");
        problemBody(failure(http, HttpRequest.POST(P + "/invoices/" + id + "/credit-note", "").bearerAuth(token)), 409);
        assertThat(http.exchange(HttpRequest.POST(P + "/invoices/" + id + "/send", "").bearerAuth(token)).getStatus().getCode())
                .isEqualTo(202);

        String today = LocalDate.now(PARIS).toString();
        String csv = http.retrieve(HttpRequest.GET(P + "/invoices/export.csv?from=" + today + "&to=" + today)
                .bearerAuth(token), String.class);
        assertThat(csv.split("\r\n")).hasSize(3);
        assertThat(csv).contains(year + "-0001;INVOICE;", year + "-0002;CREDIT_NOTE;", ";-60.00;EUR");
        assertThat(http.retrieve(HttpRequest.GET(P + "/invoices").bearerAuth(token),
                io.micronaut.core.type.Argument.listOf(Map.class))).hasSize(2);
    }

    @Test
    @DisplayName("INV-2 an on-site payment against a booking shows in the period's revenue, by method, and in the CSV; bad input names the field")
    void revenue() {
        Map<?, ?> booking = book();
        String today = LocalDate.now(PARIS).toString();
        problemBody(failure(http, HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/on-site-payments",
                Map.of("method", "BITCOIN", "amount", "60.00", "paidOn", today)).bearerAuth(token)), 400);
        Map<?, ?> payment = http.retrieve(HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/on-site-payments",
                Map.of("method", "cheque", "amount", "60.00", "paidOn", today)).bearerAuth(token), Map.class);
        assertThat(payment.get("method")).isEqualTo("CHEQUE");
        Map<?, ?> revenue = http.retrieve(HttpRequest.GET(P + "/revenue?from=" + today + "&to=" + today).bearerAuth(token),
                Map.class);
        assertThat(((Map<?, ?>) revenue.get("total")).get("amount")).isEqualTo("60.00");
        assertThat(((Map<?, ?>) revenue.get("onSite")).get("amount")).isEqualTo("60.00");
        assertThat(revenue.get("byMethod").toString()).contains("CHEQUE");
        String csv = http.retrieve(HttpRequest.GET(P + "/revenue/export.csv?from=" + today + "&to=" + today)
                .bearerAuth(token), String.class);
        assertThat(csv).contains("Shiatsu;IN_PERSON;ON_SITE_CHEQUE;60.00;0.00;0.00;EUR");
        problemBody(failure(http, HttpRequest.GET(P + "/revenue?from=" + today + "&to=2000-01-01").bearerAuth(token)), 400);
    }

    /** ACC-2: the invoicing routes as PractitionerApiTest probes them with Alice's session and Bob's ids. */
    static void probes(Map<String, PractitionerApiTest.Probe> p, String date) {
        var own = PractitionerApiTest.Expect.OWN;
        var refused = PractitionerApiTest.Expect.REFUSED;
        String someInvoice = "/invoices/" + UUID.randomUUID();
        Map<String, Object> draft = Map.of("buyerName", "Zoé", "serviceDate", date,
                "lines", List.of(Map.of("description", "Séance", "quantity", "1", "unitPrice", "50.00")));
        p.put("GET /api/practitioner/invoicing-profile", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.GET(P + "/invoicing-profile")));
        p.put("PUT /api/practitioner/invoicing-profile", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.PUT(P + "/invoicing-profile", identity("73282932000074"))));
        for (String image : List.of("logo", "signature")) {
            p.put("PUT /api/practitioner/invoicing-profile/" + image, new PractitionerApiTest.Probe(own,
                    ids -> HttpRequest.PUT(P + "/invoicing-profile/" + image, ProfileApiTest.png(300))
                            .contentType(MediaType.IMAGE_PNG_TYPE)));
            p.put("DELETE /api/practitioner/invoicing-profile/" + image, new PractitionerApiTest.Probe(own,
                    ids -> HttpRequest.DELETE(P + "/invoicing-profile/" + image)));
        }
        p.put("GET /api/practitioner/invoices", new PractitionerApiTest.Probe(own, ids -> HttpRequest.GET(P + "/invoices")));
        p.put("POST /api/practitioner/invoices", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.POST(P + "/invoices", draft)));
        p.put("GET /api/practitioner/invoices/{invoiceId}", new PractitionerApiTest.Probe(refused,
                ids -> HttpRequest.GET(P + someInvoice)));
        p.put("PUT /api/practitioner/invoices/{invoiceId}", new PractitionerApiTest.Probe(refused,
                ids -> HttpRequest.PUT(P + someInvoice, draft)));
        p.put("DELETE /api/practitioner/invoices/{invoiceId}", new PractitionerApiTest.Probe(refused,
                ids -> HttpRequest.DELETE(P + someInvoice)));
        for (String action : List.of("issue", "credit-note", "send")) {
            p.put("POST /api/practitioner/invoices/{invoiceId}/" + action, new PractitionerApiTest.Probe(refused,
                    ids -> HttpRequest.POST(P + someInvoice + "/" + action, "")));
        }
        p.put("GET /api/practitioner/invoices/{invoiceId}/pdf", new PractitionerApiTest.Probe(refused,
                ids -> HttpRequest.GET(P + someInvoice + "/pdf")));
        p.put("GET /api/practitioner/invoices/export.csv", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.GET(P + "/invoices/export.csv?from=2000-01-01&to=2000-12-31")));
        p.put("GET /api/practitioner/revenue", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.GET(P + "/revenue?from=" + date + "&to=" + date)));
        p.put("GET /api/practitioner/revenue/export.csv", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.GET(P + "/revenue/export.csv?from=" + date + "&to=" + date)));
        p.put("POST /api/practitioner/bookings/{bookingId}/invoice", new PractitionerApiTest.Probe(refused,
                ids -> HttpRequest.POST(P + "/bookings/" + ids.get("bookingId") + "/invoice", "")));
        p.put("POST /api/practitioner/bookings/{bookingId}/on-site-payments", new PractitionerApiTest.Probe(refused,
                ids -> HttpRequest.POST(P + "/bookings/" + ids.get("bookingId") + "/on-site-payments",
                        Map.of("method", "CASH", "amount", "10.00", "paidOn", date))));
        p.put("GET /api/practitioner/bookings/{bookingId}/on-site-payments", new PractitionerApiTest.Probe(own,
                ids -> HttpRequest.GET(P + "/bookings/" + ids.get("bookingId") + "/on-site-payments")));
    }
}
