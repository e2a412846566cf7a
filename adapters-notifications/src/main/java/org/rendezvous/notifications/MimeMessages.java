package org.rendezvous.notifications;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;

/**
 * Writes an outgoing message as a MIME e-mail: multipart/alternative text and HTML, UTF-8 throughout,
 * and, when the message carries an invitation (CAL-1), the calendar both as a {@code text/calendar}
 * alternative (what Outlook and Gmail show as an invitation) and as an {@code invite.ics} attachment
 * (what every other client can open).
 */
final class MimeMessages {

    private final Sender sender;
    private final MessageTemplates templates;
    private final CalendarInvitations invitations;
    private final Clock clock;

    MimeMessages(Sender sender, MessageTemplates templates, CalendarInvitations invitations, Clock clock) {
        this.sender = sender;
        this.templates = templates;
        this.invitations = invitations;
        this.clock = clock;
    }

    /** The Message-ID: the outbox message id, stable across attempts, so a resend can be recognised. */
    String messageId(OutgoingMessage message) {
        return "<" + message.id() + "@" + sender.domain() + ">";
    }

    MimeMessage build(Session session, OutgoingMessage message) throws MessagingException {
        RenderedEmail email = templates.email(message);
        String messageId = messageId(message);
        MimeMessage mime = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        mime.setFrom(address(sender.address().value(), sender.name()));
        mime.setRecipient(Message.RecipientType.TO, address(message.to().email().value(), message.to().name().value()));
        if (message.recipientRole() == Recipient.CLIENT) {
            // A client's reply reaches the practitioner, not a no-reply box.
            mime.setReplyTo(new InternetAddress[] {address(message.practitioner().email().value(),
                    message.practitioner().name().value())});
        }
        mime.setSubject(email.subject(), StandardCharsets.UTF_8.name());
        mime.setSentDate(Date.from(clock.instant()));
        mime.setHeader("Auto-Submitted", "auto-generated");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
        alternative.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        alternative.addBodyPart(html);

        Optional<CalendarInvitations.Invitation> invitation = invitations.invitationFor(message);
        if (invitation.isEmpty() && !message.attachments().isEmpty()) {
            // INV-1: an invoice's PDF travels as an attachment beside the text.
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            for (org.rendezvous.core.notification.Attachment file : message.attachments()) {
                MimeBodyPart attachment = new MimeBodyPart();
                attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(file.bytes(), file.mediaType())));
                attachment.setFileName(file.fileName());
                attachment.setDisposition(MimeBodyPart.ATTACHMENT);
                mixed.addBodyPart(attachment);
            }
            mime.setContent(mixed);
        } else if (invitation.isEmpty()) {
            mime.setContent(alternative);
        } else {
            byte[] ics = invitation.get().ics().getBytes(StandardCharsets.UTF_8);
            MimeBodyPart calendar = new MimeBodyPart();
            calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(ics,
                    "text/calendar; charset=UTF-8; method=" + invitation.get().method())));
            calendar.setHeader("Content-Type", "text/calendar; charset=UTF-8; method=" + invitation.get().method());
            alternative.addBodyPart(calendar);

            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(ics, "application/ics")));
            attachment.setFileName(
                    "CANCEL".equals(invitation.get().method()) ? "cancel.ics" : "invite.ics");
            attachment.setDisposition(MimeBodyPart.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static InternetAddress address(String email, String name) throws MessagingException {
        try {
            return new InternetAddress(email, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }
}
