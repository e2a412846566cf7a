package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The operator's bank-file payouts over HTTP (PO-3, PO-5): a payout on request to bank details waits in the batch
 * on request; the operator lists batches, downloads the pain.001 file (valid against the ISO 20022 schema) and marks
 * the batch sent with a reason; the practitioner's payout is then SENT. Operators only.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.bank-file.debtor-name", value = "Rendez-vous Santé SAS")
@Property(name = "rendezvous.bank-file.debtor-iban", value = "FR76 3000 6000 0112 3456 7890 189")
@Property(name = "rendezvous.bank-file.debtor-bic", value = "AGRIFRPP")
class OperatorPayoutBatchesApiTest {

    static final String BATCHES = "/api/operator/payout-batches";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    org.rendezvous.core.Rendezvous engine;

    BlockingHttpClient http;
    String practitioner;
    String operator;

    @BeforeEach
    void sessions() {
        http = client.toBlocking();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        practitioner = AccountsTestSupport.session(http, stores, "anna-" + suffix + "@example.org", "anna's long password");
        operator = AccountsTestSupport.operatorSession(http, engine, "olga-" + UUID.randomUUID() + "@operators.example");
    }

    /** 57.00 become payable to the practitioner (as a completed consultation's release would), then asked for. */
    Map<?, ?> payoutOnRequest(String cents) {
        Map<?, ?> profile = http.retrieve(HttpRequest.GET("/api/practitioner/profile").bearerAuth(practitioner), Map.class);
        PractitionerId id = PractitionerId.of((String) profile.get("id"));
        stores.transactions().inTransaction(() -> stores.ledger().post(new Posting(new PostingId(UUID.randomUUID()), id,
                Optional.empty(), Optional.empty(), PostingKind.EARNINGS_RELEASED, "test-earning:" + UUID.randomUUID(),
                List.of(new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, Money.of(cents, "EUR"))),
                Instant.now().minusSeconds(60))));
        http.exchange(HttpRequest.PUT("/api/practitioner/payout-destination",
                Map.of("holder", "Zoë Müller", "iban", "DE89 3704 0044 0532 0130 00")).bearerAuth(practitioner));
        return http.retrieve(HttpRequest.POST("/api/practitioner/payouts", Map.of()).bearerAuth(practitioner)
                .header("Idempotency-Key", UUID.randomUUID().toString()), Map.class);
    }

    HttpClientResponseException failure(MutableHttpRequest<?> request) {
        return AccountsTestSupport.failure(http, request);
    }

    @Test
    @DisplayName("PO-3, PO-5, issue 12 item 4 a payout on request waits in the batch; a GET does not fix it; the operator exports its pain.001 file with a POST (valid, attachment, same at each export and download) and marks it sent once, both in the audit log; the payout is SENT")
    void operatorDownloadsAndMarksTheBatchSent() throws Exception {
        Map<?, ?> payout = payoutOnRequest("57.00");
        assertThat(payout.get("state")).isEqualTo("AWAITING_BANK_FILE");

        List<Map> batches = http.retrieve(HttpRequest.GET(BATCHES).bearerAuth(operator), Argument.listOf(Map.class));
        Map<?, ?> batch = batches.get(0);
        assertThat(batch.get("cycle")).isNull();
        assertThat(batch.get("state")).isEqualTo("OPEN");
        assertThat(batch.get("count")).isEqualTo(1);
        assertThat(batch.get("total")).isEqualTo(Map.of("amount", "57.00", "currency", "EUR"));
        String id = (String) batch.get("id");

        HttpClientResponseException early = failure(HttpRequest.POST(BATCHES + "/" + id + "/sent", Map.of("reason", "uploaded"))
                .bearerAuth(operator));
        assertThat(early.getStatus().getCode()).as("its file was never downloaded").isEqualTo(409);

        HttpClientResponseException notExported = failure(HttpRequest.GET(BATCHES + "/" + id + "/file").bearerAuth(operator));
        assertThat(notExported.getStatus().getCode()).as("a GET never fixes the batch").isEqualTo(409);
        assertThat(notExported.getResponse().getBody(String.class).orElse("")).contains("not-exported", "batchId");
        assertThat(http.retrieve(HttpRequest.GET(BATCHES).bearerAuth(operator), Argument.listOf(Map.class)).get(0).get("state"))
                .as("the GET changed nothing").isEqualTo("OPEN");
        HttpClientResponseException exportWithoutReason = failure(HttpRequest.POST(BATCHES + "/" + id + "/export", Map.of())
                .bearerAuth(operator));
        assertThat(exportWithoutReason.getStatus().getCode()).isEqualTo(400);
        assertThat(exportWithoutReason.getResponse().getBody(String.class).orElse("")).contains("reason");

        HttpResponse<byte[]> file = http.exchange(HttpRequest.POST(BATCHES + "/" + id + "/export",
                Map.of("reason", "cycle file for the bank")).bearerAuth(operator), byte[].class);
        assertThat(file.getStatus().getCode()).isEqualTo(200);
        assertThat(file.getContentType().orElseThrow().toString()).startsWith("application/xml");
        assertThat(file.getHeaders().get(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"pain001-on-request-" + id + ".xml\"");
        byte[] xml = file.body();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of("../adapters-payments/src/test/resources/iso20022/pain.001.001.03.xsd").toFile())
                .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
        String text = new String(xml, StandardCharsets.UTF_8);
        assertThat(text).contains("<InstdAmt Ccy=\"EUR\">57.00</InstdAmt>", "<IBAN>DE89370400440532013000</IBAN>",
                "<Nm>Zoe Muller</Nm>", "<Nm>Rendez-vous Sante SAS</Nm>", "<NbOfTxs>1</NbOfTxs>", "<CtrlSum>57.00</CtrlSum>");
        assertThat(http.exchange(HttpRequest.GET(BATCHES + "/" + id + "/file").bearerAuth(operator), byte[].class).body())
                .as("downloaded again: the same file").isEqualTo(xml);
        assertThat(http.exchange(HttpRequest.POST(BATCHES + "/" + id + "/export", Map.of("reason", "again"))
                .bearerAuth(operator), byte[].class).body()).as("exported again: the same file").isEqualTo(xml);

        HttpClientResponseException noReason = failure(HttpRequest.POST(BATCHES + "/" + id + "/sent", Map.of())
                .bearerAuth(operator));
        assertThat(noReason.getStatus().getCode()).isEqualTo(400);
        assertThat(noReason.getResponse().getBody(String.class).orElse("")).contains("reason");

        Map<?, ?> sent = http.retrieve(HttpRequest.POST(BATCHES + "/" + id + "/sent", Map.of("reason", "uploaded, bank ref 4411"))
                .bearerAuth(operator), Map.class);
        assertThat(sent.get("state")).isEqualTo("SENT");
        assertThat(sent.get("sentBy")).isEqualTo(http.retrieve(HttpRequest.GET("/api/operator/me").bearerAuth(operator), Map.class).get("operatorId"));
        assertThat(sent.get("reason")).isEqualTo("uploaded, bank ref 4411");
        Map<?, ?> again = http.retrieve(HttpRequest.POST(BATCHES + "/" + id + "/sent", Map.of("reason", "twice"))
                .bearerAuth(operator), Map.class);
        assertThat(again).as("marking again changes nothing").isEqualTo(sent);

        // Issue 12 item 4: every operator action is recorded with who, when and why; a repeat that changes nothing is not.
        String operatorId = (String) http.retrieve(HttpRequest.GET("/api/operator/me").bearerAuth(operator), Map.class)
                .get("operatorId");
        List<Map> audit = http.retrieve(HttpRequest.GET("/api/operator/audit").bearerAuth(operator), Argument.listOf(Map.class))
                .stream().filter(a -> id.equals(a.get("subject"))).toList();
        assertThat(audit).extracting(a -> a.get("kind")).containsExactly("MARK_PAYOUT_BATCH_SENT", "EXPORT_PAYOUT_BATCH");
        assertThat(audit).extracting(a -> a.get("reason")).containsExactly("uploaded, bank ref 4411", "cycle file for the bank");
        assertThat(audit).allSatisfy(a -> {
            assertThat(a.get("operatorId")).isEqualTo(operatorId);
            assertThat(a.get("at")).isNotNull();
            assertThat(a.get("practitionerId")).isNull();
        });

        List<Map> payouts = http.retrieve(HttpRequest.GET("/api/practitioner/payouts").bearerAuth(practitioner),
                Argument.listOf(Map.class));
        assertThat(payouts).singleElement().satisfies(p -> {
            assertThat(p.get("state")).isEqualTo("SENT");
            assertThat(p.get("reference")).isEqualTo(((String) payout.get("id")).replace("-", ""));
            assertThat((List<?>) p.get("statement")).as("PO-5").isNotEmpty();
        });
    }

    @Test
    @DisplayName("the batch routes are the operator's: anonymous 401, a practitioner's session 403, all as problem+json")
    void operatorsOnly() {
        String someId = UUID.randomUUID().toString();
        for (MutableHttpRequest<?> request : List.<MutableHttpRequest<?>>of(HttpRequest.GET(BATCHES),
                HttpRequest.GET(BATCHES + "/" + someId + "/file"),
                HttpRequest.POST(BATCHES + "/" + someId + "/export", Map.of("reason", "x")),
                HttpRequest.POST(BATCHES + "/" + someId + "/sent", Map.of("reason", "x")))) {
            HttpClientResponseException anonymous = failure(request);
            assertThat(anonymous.getStatus().getCode()).as("%s anonymous", request.getPath()).isEqualTo(401);
            HttpClientResponseException practitioners = failure(request.bearerAuth(practitioner));
            assertThat(practitioners.getStatus().getCode()).as("%s practitioner", request.getPath()).isEqualTo(403);
            assertThat(practitioners.getResponse().getContentType().orElseThrow().toString()).isEqualTo("application/problem+json");
        }
    }

    @Test
    @DisplayName("bad and unknown batch ids are 400 and 404 problems naming batchId")
    void badIds() {
        HttpClientResponseException bad = failure(HttpRequest.GET(BATCHES + "/not-an-id/file").bearerAuth(operator));
        assertThat(bad.getStatus().getCode()).isEqualTo(400);
        assertThat(bad.getResponse().getBody(String.class).orElse("")).contains("batchId");
        HttpClientResponseException unknown = failure(HttpRequest.POST(BATCHES + "/" + UUID.randomUUID() + "/sent",
                Map.of("reason", "x")).bearerAuth(operator));
        assertThat(unknown.getStatus().getCode()).isEqualTo(404);
        assertThat(unknown.getResponse().getBody(String.class).orElse("")).contains("batchId");
    }
}
