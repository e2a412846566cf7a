package org.rendezvous.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A session token is good only while its session version is the account's: logging out and resetting the
 * password raise the version, so tokens issued before stop working, cookie or bearer alike.
 */
@Singleton
final class SessionVersionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    static final String CLAIM = "sv";

    private final AccountService accounts;

    SessionVersionValidator(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        if (claims.get("roles") instanceof java.util.Collection<?> roles && roles.contains(OperatorPayoutBatchController.OPERATOR)) {
            // Operators have no practitioner session version; operator accounts (another change) check their own.
            return subject instanceof String;
        }
        Object version = claims.get(CLAIM);
        if (!(subject instanceof String id) || !(version instanceof Number number)) {
            return false;
        }
        try {
            return accounts.sessionValid(PractitionerId.of(id), number.longValue());
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
