package org.rendezvous.core.port;

import java.util.List;
import org.rendezvous.core.notification.Attachment;
import org.rendezvous.core.notification.OutboxMessage;

/** The files a message carries, read at delivery time (an invoice's PDF, INV-1); none by default. */
@FunctionalInterface
public interface MessageAttachments {

    MessageAttachments NONE = message -> List.of();

    List<Attachment> attachmentsFor(OutboxMessage message);
}
