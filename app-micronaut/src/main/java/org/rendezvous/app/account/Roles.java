package org.rendezvous.app.account;

/**
 * The roles a session token carries (its {@code roles} claim). Practitioners' routes are
 * {@code @Secured(Roles.PRACTITIONER)} and operators' {@code @Secured(Roles.OPERATOR)}, so a session of one
 * kind never opens the other's routes, whatever its subject.
 */
public final class Roles {

    /** A practitioner's session (POST /api/auth/login). */
    public static final String PRACTITIONER = "PRACTITIONER";
    /** An operator's session (POST /api/operator/login): the operator area and /api/operator/** routes. */
    public static final String OPERATOR = "OPERATOR";
    /** A client's session (the sign-in link of POST /api/client/sign-in, CLI-2): only /api/client/** routes. */
    public static final String CLIENT = "CLIENT";

    private Roles() {
    }
}
