package org.rendezvous.core.policy;

/** Who receives the client's money, chosen by the operator for the whole platform (see the SPEC's table). */
public enum CommercialModel {
    /** The platform collects payments, keeps its commission and pays practitioners out in cycles. */
    PLATFORM_COLLECTS,
    /** Payments go straight to the practitioner's own provider account; the platform takes an application fee. */
    DIRECT_CONNECT
}
