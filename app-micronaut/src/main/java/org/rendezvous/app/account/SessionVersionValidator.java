package org.rendezvous.app.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.rendezvous.core.AccountService;
import org.rendezvous.core.OperatorService;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A session token is good only while its session version is the account's: logging out and resetting the
 * password raise the version, so tokens issued before stop working, cookie or bearer alike. Operators'
 * sessions (role OPERATOR) are checked against the operators' accounts in the same way.
 */
@Singleton
public final class SessionVersionValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

    public static final String CLAIM = "sv";

    private final AccountService accounts;
    private final OperatorService operators;
    private final org.rendezvous.core.ClientAccountService clients;

    SessionVersionValidator(AccountService accounts, OperatorService operators,
                            org.rendezvous.core.ClientAccountService clients) {
        this.accounts = accounts;
        this.operators = operators;
        this.clients = clients;
    }

    @Override
    public boolean validate(Claims claims, @Nullable HttpRequest<?> request) {
        Object subject = claims.get(Claims.SUBJECT);
        Object version = claims.get(CLAIM);
        if (!(subject instanceof String id) || !(version instanceof Number number)) {
            return false;
        }
        Object roles = claims.get("roles");
        boolean operator = roles instanceof java.util.Collection<?> list && list.contains(Roles.OPERATOR);
        try {
            // An operator's session is checked against the operator's account, a practitioner's against theirs:
            // the role, not the subject, says which, so no subject can pass for the other kind.
            if (operator) {
                return operators.sessionValid(OperatorId.of(id), number.longValue());
            }
            if (roles instanceof java.util.Collection<?> list && list.contains(Roles.CLIENT)) {
                return clients.sessionValid(org.rendezvous.core.client.ClientAccountId.of(id), number.longValue());
            }
            return accounts.sessionValid(PractitionerId.of(id), number.longValue());
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }
}
