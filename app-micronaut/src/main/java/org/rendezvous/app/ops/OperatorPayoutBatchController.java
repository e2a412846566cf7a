package org.rendezvous.app.ops;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.id;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.ApiViews.Amount;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.wiring.BankFileSettings;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.payout.BatchSending;
import org.rendezvous.core.payout.PayoutBatch;
import org.rendezvous.core.payout.PayoutBatchId;
import org.rendezvous.payments.sepa.Pain001Files;

/**
 * The operator's bank-file payouts (docs/payments.md, "Payouts by bank file (SEPA)"): the batches, the export of a
 * batch as its pain.001 file (a POST: the first export fixes the batch), a safe download of an exported batch's file,
 * and marking a batch sent once the bank has the file. Export and marking are operator actions: written to the audit
 * log with who, when and why; repeating either changes nothing. Operators only: sessions with role OPERATOR.
 */
@Controller("/api/operator/payout-batches")
@Secured(Roles.OPERATOR)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@ApiDoc.OperatorSession
class OperatorPayoutBatchController {

    private static final int LISTED = 200;

    private final Rendezvous engine;
    private final Optional<Pain001Files> files;

    OperatorPayoutBatchController(Rendezvous engine, BankFileSettings settings) {
        this.engine = engine;
        this.files = settings.debtor().map(Pain001Files::new);
    }

    @Serdeable
    record BatchView(String id, @Nullable LocalDate cycle, String state, int count, Amount total, Instant createdAt,
                     @Nullable Instant exportedAt, @Nullable Instant sentAt, @Nullable String sentBy,
                     @Nullable String reason, String fileName) {
        static BatchView of(PayoutBatch b) {
            Optional<BatchSending> sent = b.sending();
            return new BatchView(b.id().toString(), b.cycle().orElse(null), b.state().name(), b.items().size(),
                    Amount.of(b.total()), b.createdAt(), b.exportedAt().orElse(null), sent.map(BatchSending::at).orElse(null),
                    sent.map(BatchSending::by).orElse(null), sent.map(BatchSending::note).orElse(null),
                    Pain001Files.fileName(b));
        }
    }

    @Serdeable
    record SentRequest(@NotBlank @Size(max = BatchSending.NOTE_MAX_LENGTH) String reason) {
    }

    /** The latest batches, newest first: cycle, state, number of payouts and total. */
    @Get
    List<BatchView> batches() {
        return engine.payouts().batches(LISTED).stream().map(BatchView::of).toList();
    }

    /**
     * Exports the batch as its SEPA credit-transfer file (pain.001.001.03): the first export fixes the batch's content
     * and is written to the audit log with the reason; exporting again answers the same file and records nothing more.
     */
    @ApiResponse(responseCode = "200", description = "the pain.001.001.03 XML file, as an attachment",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @Post("/{batchId}/export")
    @Operation(operationId = "exportPayoutBatch")
    HttpResponse<?> export(Authentication authentication, @PathVariable String batchId, @Body @Valid SentRequest request) {
        PayoutBatchId id = id(batchId, "batchId", PayoutBatchId::of);
        String reason = AuthController.required(request.reason(), "reason");
        Optional<HttpResponse<?>> refused = refused(id);
        if (refused.isPresent()) {
            return refused.get();
        }
        return PublicBookingController.respond(engine.operators().exportBatch(OperatorController.operator(authentication),
                id, reason), this::download);
    }

    /** The file of a batch exported already (safe: downloading changes nothing); 409 NOT_EXPORTED before the export. */
    @ApiResponse(responseCode = "200", description = "the pain.001.001.03 XML file, as an attachment",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", format = "binary")))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @ApiDoc.Refused
    @Get("/{batchId}/file")
    HttpResponse<?> file(@PathVariable String batchId) {
        PayoutBatchId id = id(batchId, "batchId", PayoutBatchId::of);
        Optional<HttpResponse<?>> refused = refused(id);
        if (refused.isPresent()) {
            return refused.get();
        }
        PayoutBatch batch = engine.payouts().batch(id).orElseThrow();
        if (batch.exportedAt().isEmpty()) {
            return Problem.of("NOT_EXPORTED", HttpStatus.CONFLICT,
                    "batchId: the batch is not exported yet; export it first (POST .../export)").toResponse();
        }
        return download(batch);
    }

    private Optional<HttpResponse<?>> refused(PayoutBatchId id) {
        if (engine.payouts().batch(id).isEmpty()) {
            return Optional.of(Problem.of(org.rendezvous.core.outcome.Reason.NOT_FOUND, "batchId: no such payout batch")
                    .toResponse());
        }
        if (files.isEmpty()) {
            return Optional.of(Problem.of("BANK_FILE_NOT_CONFIGURED", HttpStatus.CONFLICT,
                    "batchId: no bank file is configured (rendezvous.bank-file.debtor-name and debtor-iban)").toResponse());
        }
        return Optional.empty();
    }

    private HttpResponse<?> download(PayoutBatch batch) {
        return HttpResponse.ok(files.get().write(batch))
                .contentType(Pain001Files.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + Pain001Files.fileName(batch) + "\"");
    }

    /**
     * The bank has the file: the batch's payouts are SENT and each practitioner told; written to the audit log with
     * the reason; once, whoever asks again.
     */
    @ApiResponse(responseCode = "200", description = "the batch, SENT",
            content = @Content(schema = @Schema(implementation = BatchView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    @Post("/{batchId}/sent")
    HttpResponse<?> sent(Authentication authentication, @PathVariable String batchId, @Body @Valid SentRequest request) {
        PayoutBatchId id = id(batchId, "batchId", PayoutBatchId::of);
        String reason = AuthController.required(request.reason(), "reason");
        return PublicBookingController.respond(engine.operators().markBatchSent(OperatorController.operator(authentication),
                id, reason), batch -> HttpResponse.ok(BatchView.of(batch)));
    }
}
