-- Bank-file payouts (SEPA pain.001) and one carried-over payout per practitioner (PO-2, PO-4, PO-5).
--
-- 1. A payout paid by the operator's own bank waits in a batch: AWAITING_BANK_FILE is a new payout state.
-- 2. A carried-over balance is one payout that later cycles and requests move forward: at most one
--    CARRIED_OVER payout per practitioner. Older copies that earlier versions wrote (one per cycle or request
--    without a destination) are removed first, the newest kept: a carried-over payout moved no money (it has no
--    ledger posting) and the newest one's statement covers everything since the last payout that went.
-- 3. Batches and their items. An item keeps the bank details the payout went to as they were when it joined,
--    so a file downloaded again is the same file.

-- As V3: if a long transaction holds payouts, fail after 10 s rather than queue every payout behind the migration.
SET LOCAL lock_timeout = '10s';

ALTER TABLE payouts DROP CONSTRAINT payouts_state_check;
ALTER TABLE payouts ADD CONSTRAINT payouts_state_check
    CHECK (state IN ('PLANNED', 'SENT', 'FAILED', 'CARRIED_OVER', 'AWAITING_BANK_FILE'));

DELETE FROM payouts p
WHERE p.state = 'CARRIED_OVER'
  AND EXISTS (SELECT 1 FROM payouts newer
              WHERE newer.practitioner_id = p.practitioner_id AND newer.state = 'CARRIED_OVER'
                AND (newer.created_at, newer.sequence) > (p.created_at, p.sequence));
CREATE UNIQUE INDEX payouts_one_carried_over ON payouts (practitioner_id) WHERE state = 'CARRIED_OVER';

-- One batch per cycle (PO-2: a cycle's payouts go in one file); payouts on request (cycle_date NULL) go in the
-- one open batch of payouts on request. OPEN collects payouts, EXPORTED is fixed (its file was downloaded), SENT
-- records who said the bank has it, when, and their note.
CREATE TABLE payout_batches (
    sequence    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id          uuid        NOT NULL UNIQUE,
    cycle_date  date        CHECK (extract(day FROM cycle_date) IN (1, 15)),
    currency    char(3)     NOT NULL,
    state       text        NOT NULL CHECK (state IN ('OPEN', 'EXPORTED', 'SENT')),
    created_at  timestamptz NOT NULL,
    exported_at timestamptz,
    sent_at     timestamptz,
    sent_by     text        CHECK (length(sent_by) BETWEEN 1 AND 255),
    sent_note   text        CHECK (length(sent_note) BETWEEN 1 AND 500),
    CONSTRAINT payout_batches_exported CHECK ((state = 'OPEN') = (exported_at IS NULL)),
    CONSTRAINT payout_batches_sent CHECK ((state = 'SENT') = (sent_at IS NOT NULL AND sent_by IS NOT NULL
                                                               AND sent_note IS NOT NULL))
);
CREATE UNIQUE INDEX payout_batches_one_per_cycle ON payout_batches (cycle_date) WHERE cycle_date IS NOT NULL;
CREATE UNIQUE INDEX payout_batches_one_open_on_request ON payout_batches ((true))
    WHERE cycle_date IS NULL AND state = 'OPEN';

-- A payout is in at most one batch.
CREATE TABLE payout_batch_items (
    batch_id        uuid    NOT NULL REFERENCES payout_batches (id),
    seq             bigint  GENERATED ALWAYS AS IDENTITY,
    payout_id       uuid    NOT NULL UNIQUE REFERENCES payouts (id),
    practitioner_id uuid    NOT NULL REFERENCES practitioners (id),
    holder          text    NOT NULL CHECK (length(holder) BETWEEN 1 AND 140),
    iban            text    NOT NULL CHECK (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$'),
    bic             text,
    amount_minor    bigint  NOT NULL CHECK (amount_minor > 0),
    currency        char(3) NOT NULL,
    remittance      text    NOT NULL CHECK (length(remittance) BETWEEN 1 AND 140),
    PRIMARY KEY (batch_id, seq)
);
