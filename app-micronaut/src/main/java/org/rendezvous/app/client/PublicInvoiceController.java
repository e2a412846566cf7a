package org.rendezvous.app.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import org.rendezvous.app.http.ApiDoc;
import org.rendezvous.app.practitioner.PractitionerInvoiceController;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.booking.AccessToken;

/** INV-1: the client downloads the invoice of their booking through the booking's unguessable link (ACC-2). */
@Controller("/api/public")
class PublicInvoiceController {

    private final Rendezvous engine;

    PublicInvoiceController(Rendezvous engine) {
        this.engine = engine;
    }

    /** The latest invoice issued for the booking, as a PDF/A-3 with its Factur-X XML. */
    @Get("/bookings/{accessToken}/invoice")
    @Produces(PractitionerInvoiceController.PDF)
    @Operation(operationId = "clientInvoice", security = {})
    @ApiResponse(responseCode = "200", description = "the PDF/A-3 with its Factur-X XML",
            content = @Content(mediaType = PractitionerInvoiceController.PDF, schema = @Schema(type = "string", format = "binary")))
    @ApiDoc.NotFound
    HttpResponse<?> invoice(@PathVariable String accessToken) {
        return PublicBookingController.respond(engine.invoices().documentForClient(new AccessToken(accessToken)),
                PractitionerInvoiceController::pdfResponse);
    }
}
