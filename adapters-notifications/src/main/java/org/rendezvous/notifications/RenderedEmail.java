package org.rendezvous.notifications;

import java.util.Objects;

/** An e-mail's words: its subject, its plain-text body and the same body in HTML. */
public record RenderedEmail(String subject, String text, String html) {
    public RenderedEmail {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
