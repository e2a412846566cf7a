package org.rendezvous.app.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import static org.rendezvous.app.practitioner.PractitionerAgendaController.id;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.rendezvous.app.account.AuthController;
import org.rendezvous.app.account.Roles;
import org.rendezvous.app.client.PublicBookingController;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.http.ApiViews.Amount;
import org.rendezvous.app.http.Problem;
import org.rendezvous.app.practitioner.PractitionerViews.DestinationView;
import org.rendezvous.app.practitioner.PractitionerViews.PayoutView;
import org.rendezvous.core.OperatorService;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Balances;
import org.rendezvous.core.notification.OutboxEntry;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.operator.ChargeReversal;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.operator.PractitionerOverview;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutPage;
import org.rendezvous.core.payout.PayoutPosition;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The operator area's API (issue 12, item 4; docs/operator.md): practitioners with their state and plan,
 * suspension, CX-4 reversals, the platform's books with the FEE-4 identity, payouts, parked messages, and
 * the audit log. Only operators' sessions (role OPERATOR) open it; every action takes a reason and is
 * written to the audit log with who and when.
 */
@Controller("/api/operator")
@Secured(Roles.OPERATOR)
@SecurityRequirement(name = AuthController.BEARER)
@SecurityRequirement(name = AuthController.COOKIE)
@Tag(name = "operator", description = "The operator area (docs/operator.md)")
@ApiDoc.OperatorSession
class OperatorController {

    private static final int LIMIT = 500;
    private static final int PAGE = 100;

    private final OperatorService operators;

    OperatorController(OperatorService operators) {
        this.operators = operators;
    }

    @Serdeable
    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @Serdeable
    record MeView(String operatorId, String email) {
    }

    @Serdeable
    record PractitionerRow(String id, String name, String email, Instant registeredAt, boolean emailVerified,
                           boolean pageEnabled, boolean suspended,
                           @Nullable @Schema(type = "object") DestinationView payoutDestination, String plan) {
        static PractitionerRow of(PractitionerOverview o) {
            var p = o.practitioner();
            return new PractitionerRow(p.id().toString(), p.name().value(), p.email().value(), p.registeredAt(),
                    o.emailVerified(), o.pageEnabled(), o.suspended(), o.payoutDestination().map(DestinationView::of).orElse(null),
                    o.plan().name());
        }
    }

    @Serdeable
    @Schema(description = "CX-4: a reversed charge. refunded = commissionUndone + earningsUndone. In DIRECT_CONNECT "
            + "commissionUndone is all the application fee the platform still held from the booking, given back to the "
            + "practitioner's account; it can be more than the refund (after a partial refund that kept the fee), and "
            + "earningsUndone is then negative (a signed decimal such as -0.85)")
    record ReversalView(String bookingId, Amount refunded, Amount commissionUndone, Amount earningsUndone) {
        static ReversalView of(ChargeReversal r) {
            return new ReversalView(r.bookingId().toString(), Amount.of(r.refunded()), Amount.of(r.commissionUndone()),
                    Amount.of(r.earningsUndone()));
        }
    }

    /**
     * FEE-4 shown: money in = refunds + provider fees + commissions + payouts + owed to practitioners (payable,
     * held for bookings, received directly), to the cent; {@code balanced} says whether it holds.
     */
    @Serdeable
    record LedgerView(String currency, Amount moneyIn, Amount refunds, Amount providerFees, Amount commissions,
                      Amount payouts, Amount owedToPractitioners, Amount accountedFor, boolean balanced,
                      Map<String, Amount> byAccount) {
        static LedgerView of(Balances b) {
            Map<String, Amount> byAccount = new TreeMap<>();
            b.byAccount().forEach((account, money) -> byAccount.put(account.name(), Amount.of(money)));
            return new LedgerView(b.currency().getCurrencyCode(), Amount.of(b.moneyIn()), Amount.of(b.of(Account.REFUNDS)),
                    Amount.of(b.of(Account.PROVIDER_FEES)), Amount.of(b.of(Account.PLATFORM_REVENUE)),
                    Amount.of(b.of(Account.PAYOUTS)), Amount.of(b.of(Account.PRACTITIONER_PAYABLE)
                            .plus(b.of(Account.HELD_FOR_BOOKINGS)).plus(b.of(Account.PRACTITIONER_DIRECT))),
                    Amount.of(b.accountedFor()), b.accountedFor().equals(b.moneyIn()), byAccount);
        }
    }

    @Serdeable
    record OperatorPayoutView(String practitionerId, Instant updatedAt, PayoutView payout) {
        static OperatorPayoutView of(Payout p) {
            return new OperatorPayoutView(p.practitionerId().toString(), p.updatedAt(), PayoutView.of(p));
        }
    }

    /** A page of the payout list; {@code next}, when there are older payouts, is the {@code after} of the next page. */
    @Serdeable
    record OperatorPayoutPage(List<OperatorPayoutView> payouts, @Nullable String next) {
    }

    @Serdeable
    record MessageView(String id, String practitionerId, @Nullable String bookingId, String kind, String recipient,
                       String channel, String state, int attempts, @Nullable String lastError, @Nullable Instant finishedAt,
                       Instant createdAt) {
        static MessageView of(OutboxEntry e) {
            var m = e.message();
            return new MessageView(m.id().value().toString(), m.practitionerId().toString(),
                    m.bookingId().map(Object::toString).orElse(null), m.kind().name(), m.recipient().name(),
                    m.channel().name(), e.state().name(), e.attempts(), e.lastError().orElse(null),
                    e.finishedAt().orElse(null), m.createdAt());
        }
    }

    @Serdeable
    record AuditView(String id, String operatorId, String operatorEmail, String kind, String subject,
                     @Nullable String practitionerId, String reason, Instant at) {
        static AuditView of(OperatorAction a) {
            return new AuditView(a.id().toString(), a.operatorId().toString(), a.operatorEmail().value(), a.kind().name(),
                    a.subject(), a.practitionerId().map(Object::toString).orElse(null), a.reason(), a.at());
        }
    }

    static OperatorId operator(Authentication authentication) {
        return OperatorId.of(authentication.getName());
    }

    /** Who is logged in. */
    @ApiResponse(responseCode = "200", description = "the operator of the session",
            content = @Content(schema = @Schema(implementation = MeView.class)))
    @ApiDoc.NotFound
    @Get("/me")
    HttpResponse<?> me(Authentication authentication) {
        return operators.operator(operator(authentication))
                .<HttpResponse<?>>map(o -> HttpResponse.ok(new MeView(o.id().toString(), o.email().value())))
                .orElseGet(() -> Problem.of(Reason.NOT_FOUND, "operatorId: no such operator").toResponse());
    }

    /** Practitioners with their state (e-mail verified, page enabled, suspended, payout destination) and plan. */
    @Get("/practitioners")
    List<PractitionerRow> practitioners() {
        return operators.practitioners(LIMIT).stream().map(PractitionerRow::of).toList();
    }

    /**
     * Suspends a practitioner: their public page and public routes answer 404 as for a disabled page and new
     * bookings are refused; they can still log in, see their data and handle their existing bookings.
     */
    @ApiResponse(responseCode = "200", description = "the practitioner, suspended",
            content = @Content(schema = @Schema(implementation = PractitionerRow.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @Post("/practitioners/{practitionerId}/suspend")
    HttpResponse<?> suspend(Authentication authentication, @PathVariable String practitionerId,
                            @Body @Valid ReasonRequest request) {
        return PublicBookingController.respond(operators.suspend(operator(authentication),
                id(practitionerId, "practitionerId", PractitionerId::of), AuthController.required(request.reason(), "reason")),
                o -> HttpResponse.ok(PractitionerRow.of(o)));
    }

    /** Lifts a suspension: the public page and routes answer again. */
    @ApiResponse(responseCode = "200", description = "the practitioner, active again",
            content = @Content(schema = @Schema(implementation = PractitionerRow.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Conflict
    @Post("/practitioners/{practitionerId}/reactivate")
    HttpResponse<?> reactivate(Authentication authentication, @PathVariable String practitionerId,
                               @Body @Valid ReasonRequest request) {
        return PublicBookingController.respond(operators.reactivate(operator(authentication),
                id(practitionerId, "practitionerId", PractitionerId::of), AuthController.required(request.reason(), "reason")),
                o -> HttpResponse.ok(PractitionerRow.of(o)));
    }

    /**
     * CX-4: reverses a contested no-show or late-cancellation charge: a full refund to the client, the
     * commission and the practitioner's earnings undone, client and practitioner told. Once per booking; once per
     * Idempotency-Key (BK-8): a retried request with the same key answers the first result.
     */
    @ApiResponse(responseCode = "200", description = "what was refunded and undone",
            content = @Content(schema = @Schema(implementation = ReversalView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    @Post("/bookings/{bookingId}/reverse-charge")
    HttpResponse<?> reverseCharge(Authentication authentication, @PathVariable String bookingId,
                                  @Header("Idempotency-Key") String idempotencyKey, @Body @Valid ReasonRequest request) {
        return PublicBookingController.respond(operators.reverseCharge(operator(authentication),
                id(bookingId, "bookingId", BookingId::of), AuthController.required(request.reason(), "reason"),
                IdempotencyKey.of(idempotencyKey)), r -> HttpResponse.ok(ReversalView.of(r)));
    }

    /** FEE-4: the platform's ledger totals in one currency (EUR unless asked). */
    @ApiDoc.BadRequest
    @Get("/ledger")
    LedgerView ledger(@Nullable @QueryValue String currency) {
        return LedgerView.of(operators.ledgerTotals(currency(currency)));
    }

    /**
     * Payouts, with the reason of failed ones, newest change first, in pages: all states or one ({@code state}),
     * {@code limit} a page (100 unless asked, at most 500); a page's {@code next} given back as {@code after} reads
     * on, down to the oldest.
     */
    @ApiDoc.BadRequest
    @Get("/payouts")
    @Operation(operationId = "operatorPayouts")
    OperatorPayoutPage payouts(@Nullable @QueryValue String state, @Nullable @QueryValue String after,
                               @Nullable @QueryValue String limit) {
        PayoutPage page = operators.payouts(payoutState(state),
                after == null || after.isBlank() ? Optional.empty() : Optional.of(PayoutPosition.parse("after", after)),
                pageSize(limit));
        return new OperatorPayoutPage(page.payouts().stream().map(OperatorPayoutView::of).toList(),
                page.next().map(PayoutPosition::toString).orElse(null));
    }

    /** Messages parked after their last attempt, the most recently parked first. */
    @Get("/messages/parked")
    List<MessageView> parked() {
        return operators.parkedMessages(LIMIT).stream().map(MessageView::of).toList();
    }

    /** Puts a parked message back to be delivered now, its attempts counted from zero. */
    @ApiResponse(responseCode = "200", description = "the message, queued again",
            content = @Content(schema = @Schema(implementation = MessageView.class)))
    @ApiDoc.BadRequest
    @ApiDoc.NotFound
    @ApiDoc.Refused
    @Post("/messages/{messageId}/retry")
    HttpResponse<?> retry(Authentication authentication, @PathVariable String messageId,
                          @Body @Valid ReasonRequest request) {
        OutboxMessageId id = id(messageId, "messageId", v -> new OutboxMessageId(java.util.UUID.fromString(v)));
        return PublicBookingController.respond(operators.retryMessage(operator(authentication), id,
                AuthController.required(request.reason(), "reason")), e -> HttpResponse.ok(MessageView.of(e)));
    }

    /** The audit log: every operator action with who, when, what and why, newest first. */
    @Get("/audit")
    List<AuditView> audit() {
        return operators.auditLog(LIMIT).stream().map(AuditView::of).toList();
    }

    private static Optional<PayoutState> payoutState(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PayoutState.valueOf(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("state: one of " + Arrays.toString(PayoutState.values()));
        }
    }

    private static int pageSize(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return PAGE;
        }
        int size = text.matches("[0-9]{1,4}") ? Integer.parseInt(text) : 0;
        if (size < 1 || size > LIMIT) {
            throw new IllegalArgumentException("limit: a whole number from 1 to " + LIMIT);
        }
        return size;
    }

    private static Currency currency(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return Currency.getInstance("EUR");
        }
        if (!code.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency: an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency: an ISO 4217 code such as EUR");
        }
    }
}
