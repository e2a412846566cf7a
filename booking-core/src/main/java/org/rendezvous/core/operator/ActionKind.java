package org.rendezvous.core.operator;

/** What an operator did; each is recorded in the audit log with who, when and why. */
public enum ActionKind {
    /** The practitioner's public page and routes answer as for a disabled page; new bookings are refused. */
    SUSPEND_PRACTITIONER,
    /** A suspended practitioner is back as before. */
    REACTIVATE_PRACTITIONER,
    /** CX-4: a contested no-show or late-cancellation charge refunded in full. */
    REVERSE_CHARGE,
    /** A parked message put back in the outbox to be delivered again. */
    RETRY_MESSAGE,
    /** A bank-file payout batch exported: its content fixed, its pain.001 file the same at every download. */
    EXPORT_PAYOUT_BATCH,
    /** A bank-file payout batch marked sent: its payouts SENT, each practitioner told. */
    MARK_PAYOUT_BATCH_SENT
}
