package org.rendezvous.core.operator;

import java.util.Objects;

/** A successful operator login: whom the session is for, and the session version it carries. */
public record OperatorLoggedIn(OperatorId operatorId, long sessionVersion) {
    public OperatorLoggedIn {
        Objects.requireNonNull(operatorId, "operatorId");
    }
}
