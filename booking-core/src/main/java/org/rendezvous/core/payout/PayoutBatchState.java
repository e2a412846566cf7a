package org.rendezvous.core.payout;

/** Where a bank-file batch stands: collecting payouts, its file fixed and handed to the operator, sent by the bank. */
public enum PayoutBatchState {
    /** Payouts of its cycle (or on request) still join it. */
    OPEN,
    /** The file was downloaded: its content is fixed, later payouts go to another batch. */
    EXPORTED,
    /** The operator said the bank has the file: its payouts are SENT. */
    SENT
}
