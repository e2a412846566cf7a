package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.Attachment;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.notification.SendResult;

/** INV-1: an invoice's e-mail, over SMTP, carries its PDF as an attachment and says its number and amount. */
class InvoiceMailTest {

    private final GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    @DisplayName("INV-1 the invoice e-mail (French) has the number and total in its text and the PDF attached")
    void invoiceWithPdf() throws Exception {
        server.start();
        SmtpMessageSender smtp = new SmtpMessageSender(SmtpSettings.of("127.0.0.1", server.getSmtp().getPort(),
                SmtpSettings.Security.NONE).withTimeout(Duration.ofSeconds(5)), Samples.SENDER, Samples.templates(),
                Samples.invitations(), Samples.CLOCK);
        Map<String, String> parameters = new TreeMap<>(Map.of("number", "2026-0001", "gross", "60.00 EUR",
                "creditNote", "false"));
        OutgoingMessage plain = Samples.message(MessageKind.INVOICE_ISSUED, Recipient.CLIENT, Channel.EMAIL,
                Language.FRENCH, parameters);
        byte[] pdf = "%PDF-1.7 invoice".getBytes(StandardCharsets.US_ASCII);
        OutgoingMessage message = new OutgoingMessage(plain.id(), plain.causeKey(), plain.kind(), plain.channel(),
                plain.recipientRole(), plain.to(), plain.practitioner(), plain.zone(), plain.booking(), plain.client(),
                plain.parameters(), List.of(new Attachment("invoice-2026-0001.pdf", "application/pdf", pdf)));

        assertThat(smtp.send(message)).isInstanceOf(SendResult.Sent.class);

        assertThat(server.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = server.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo("Facture 2026-0001 de Anna Müller");
        Multipart mixed = (Multipart) received.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Part attachment = mixed.getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo("invoice-2026-0001.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
        String text = (String) ((Multipart) mixed.getBodyPart(0).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("la facture 2026-0001", "60,00");
    }
}
