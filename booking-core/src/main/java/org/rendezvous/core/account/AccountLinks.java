package org.rendezvous.core.account;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** Where the links in account e-mails lead: the host's pages that take the token from the query. */
public record AccountLinks(URI verifyEmail, URI resetPassword) {
    public AccountLinks {
        Objects.requireNonNull(verifyEmail, "verifyEmail");
        Objects.requireNonNull(resetPassword, "resetPassword");
        if (!verifyEmail.isAbsolute() || !resetPassword.isAbsolute()) {
            throw new IllegalArgumentException("accountLinks: absolute URLs are needed in e-mails");
        }
    }

    public String link(TokenPurpose purpose, String secret) {
        URI base = purpose == TokenPurpose.EMAIL_VERIFICATION ? verifyEmail : resetPassword;
        String separator = base.getRawQuery() == null ? "?" : "&";
        return base + separator + "token=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }
}
