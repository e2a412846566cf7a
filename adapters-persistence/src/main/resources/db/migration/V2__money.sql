-- The money ports of booking-core: ledger, payment instructions, payouts and their destinations,
-- plan subscriptions and quota usage. Same conventions as V1: money is bigint minor units beside a
-- char(3) ISO 4217 code, never a floating-point type; instants are timestamptz; enums are the Java
-- constant's name, checked against the known names. Every table is new, so this migration takes no lock
-- on a table in use and can run on a live database.

-- FEE-4: the append-only, double-entry ledger. A posting is one money event; its legs each move an
-- amount (> 0) from one account to another. The cause key names the event once and for all: the
-- unique constraint is what makes a retried job or a webhook delivered twice harmless (PAY-4).
-- booking_id and payout_id are references kept for the history (PAY-6), not foreign keys: the
-- ledger records what happened and is never rewritten, whatever becomes of what it names.
CREATE TABLE ledger_postings (
    sequence        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    booking_id      uuid,
    payout_id       uuid,
    kind            text        NOT NULL CHECK (kind IN ('PAYMENT_RECEIVED', 'PROVIDER_FEE', 'COMMISSION',
                                    'EARNINGS_RELEASED', 'CHARGE_KEPT', 'GUARANTEE_CHARGED', 'REFUND', 'PAYOUT',
                                    'PAYOUT_REVERSED')),
    cause_key       text        NOT NULL CHECK (cause_key <> ''),
    currency        char(3)     NOT NULL,
    at              timestamptz NOT NULL,
    CONSTRAINT ledger_once_per_cause UNIQUE (cause_key),
    -- The target of the legs' foreign key, which keeps their copies of these columns true.
    CONSTRAINT ledger_postings_leg_target UNIQUE (id, practitioner_id, currency, at)
);
-- PAY-6: a practitioner's history, oldest (first written) first.
CREATE INDEX ledger_postings_of_practitioner ON ledger_postings (practitioner_id, sequence);
-- A booking's postings (what was paid and refunded so far, PAY-4).
CREATE INDEX ledger_postings_of_booking ON ledger_postings (booking_id, sequence) WHERE booking_id IS NOT NULL;

-- The legs carry a copy of their posting's practitioner, currency and instant (kept equal by the
-- composite foreign key, and never changed since nothing is), so that every balance is one aggregate
-- over this table alone: sum of the legs into an account minus the legs out of it.
CREATE TABLE ledger_legs (
    posting_id      uuid        NOT NULL,
    seq             smallint    NOT NULL CHECK (seq >= 0),
    from_account    text        NOT NULL CHECK (from_account IN ('CLIENT_PAYMENTS', 'HELD_FOR_BOOKINGS',
                                    'PRACTITIONER_PAYABLE', 'PRACTITIONER_DIRECT', 'PLATFORM_REVENUE', 'PROVIDER_FEES',
                                    'REFUNDS', 'PAYOUTS')),
    to_account      text        NOT NULL CHECK (to_account IN ('CLIENT_PAYMENTS', 'HELD_FOR_BOOKINGS',
                                    'PRACTITIONER_PAYABLE', 'PRACTITIONER_DIRECT', 'PLATFORM_REVENUE', 'PROVIDER_FEES',
                                    'REFUNDS', 'PAYOUTS')),
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    practitioner_id uuid        NOT NULL,
    currency        char(3)     NOT NULL,
    at              timestamptz NOT NULL,
    PRIMARY KEY (posting_id, seq),
    CONSTRAINT ledger_legs_move_money CHECK (from_account <> to_account),
    CONSTRAINT ledger_legs_of_posting FOREIGN KEY (posting_id, practitioner_id, currency, at)
        REFERENCES ledger_postings (id, practitioner_id, currency, at)
);
-- A practitioner's balances before an instant (payouts, PAY-6), index-only. The payout cycle's search for
-- the practitioners owed something (PO-1) walks the practitioners in id order and asks this index for each
-- one's balance, stopping at the end of the page: a page costs what its practitioners cost, whatever the
-- ledger's size.
CREATE INDEX ledger_legs_of_practitioner ON ledger_legs (practitioner_id, currency, at)
    INCLUDE (from_account, to_account, amount_minor);

-- Append-only, by the database too: a posting or a leg is never updated nor deleted. (TRUNCATE is not a
-- row operation: an operator wiping a test database can.)
CREATE FUNCTION ledger_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the ledger is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();
CREATE TRIGGER ledger_legs_append_only BEFORE UPDATE OR DELETE ON ledger_legs
    FOR EACH ROW EXECUTE FUNCTION ledger_is_append_only();

-- PAY-2, PAY-4, PO-1: money work decided in the transaction of its cause, carried out afterwards; one
-- per cause key. Updates are conditional on every column of the version read.
CREATE TABLE payment_instructions (
    id                 uuid        PRIMARY KEY,
    practitioner_id    uuid        NOT NULL REFERENCES practitioners (id),
    booking_id         uuid        NOT NULL REFERENCES bookings (id),
    kind               text        NOT NULL CHECK (kind IN ('REFUND', 'CHARGE_GUARANTEE', 'RELEASE_EARNINGS')),
    amount_minor       bigint      NOT NULL CHECK (amount_minor > 0),
    currency           char(3)     NOT NULL,
    cause_key          text        NOT NULL CHECK (cause_key <> ''),
    state              text        NOT NULL CHECK (state IN ('DUE', 'DONE', 'WAITING_FOR_CLIENT', 'FAILED', 'CANCELLED')),
    attempts           integer     NOT NULL CHECK (attempts >= 0),
    due_at             timestamptz NOT NULL,
    provider_reference text,
    last_error         text,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    CONSTRAINT payment_instructions_once_per_cause UNIQUE (cause_key)
);
-- The carry-out job: DUE instructions by due time. Partial: done ones, the vast majority, are not in it.
CREATE INDEX payment_instructions_due ON payment_instructions (due_at, id) WHERE state = 'DUE';
CREATE INDEX payment_instructions_of_booking ON payment_instructions (booking_id, created_at, id);

-- PO-1 … PO-5: payouts, at most one per practitioner and trigger (PO-2). The trigger is a cycle date or
-- a request key; trigger_key is the domain's key for it ("cycle:2030-03-15", "request:…"), the one the
-- unique constraint guards. Identity, trigger, cut-off, amount and statement are fixed when the payout
-- is added; an update changes state, reference, failure and update time, from an expected state only.
CREATE TABLE payouts (
    sequence        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    trigger_kind    text        NOT NULL CHECK (trigger_kind IN ('CYCLE', 'REQUEST')),
    cycle_date      date,
    request_key     text,
    trigger_key     text        NOT NULL,
    cutoff          timestamptz NOT NULL,
    amount_minor    bigint      NOT NULL CHECK (amount_minor >= 0),
    currency        char(3)     NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PLANNED', 'SENT', 'FAILED', 'CARRIED_OVER')),
    reference       text,
    failure         text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    CONSTRAINT payouts_one_per_trigger UNIQUE (practitioner_id, trigger_key),
    CONSTRAINT payouts_trigger_shape CHECK (
        (trigger_kind = 'CYCLE' AND cycle_date IS NOT NULL AND extract(day FROM cycle_date) IN (1, 15)
            AND request_key IS NULL AND trigger_key LIKE 'cycle:%')
        OR (trigger_kind = 'REQUEST' AND request_key IS NOT NULL AND cycle_date IS NULL
            AND trigger_key = 'request:' || request_key))
);
-- A practitioner's payouts, newest first (and the previous payout's cut-off for a statement, PO-5).
CREATE INDEX payouts_of_practitioner ON payouts (practitioner_id, created_at);
-- Payouts in a state, oldest first: the PLANNED ones a crash or an unreachable gateway left behind.
CREATE INDEX payouts_by_state ON payouts (state, created_at, sequence);

-- PO-5: a payout's statement, in order: each change of the payable balance it pays (signed).
CREATE TABLE payout_statement_lines (
    payout_id    uuid        NOT NULL REFERENCES payouts (id) ON DELETE CASCADE,
    seq          integer     NOT NULL CHECK (seq >= 0),
    at           timestamptz NOT NULL,
    kind         text        NOT NULL,
    booking_id   uuid,
    amount_minor bigint      NOT NULL,
    currency     char(3)     NOT NULL,
    PRIMARY KEY (payout_id, seq)
);

-- PO-4: where each practitioner's money goes, one destination per practitioner: bank details (holder,
-- an IBAN that passed its mod-97 check, optional BIC) or an account at the payment provider.
CREATE TABLE payout_destinations (
    practitioner_id     uuid    PRIMARY KEY REFERENCES practitioners (id),
    kind                text    NOT NULL CHECK (kind IN ('BANK_ACCOUNT', 'PROVIDER_ACCOUNT')),
    holder              text,
    iban                text,
    bic                 text,
    provider_account_id text,
    payouts_enabled     boolean,
    CONSTRAINT payout_destinations_shape CHECK (
        (kind = 'BANK_ACCOUNT' AND holder IS NOT NULL AND iban IS NOT NULL
            AND provider_account_id IS NULL AND payouts_enabled IS NULL)
        OR (kind = 'PROVIDER_ACCOUNT' AND provider_account_id IS NOT NULL AND payouts_enabled IS NOT NULL
            AND holder IS NULL AND iban IS NULL AND bic IS NULL))
);

-- PLAN-1 … PLAN-3: one subscription per practitioner: the trial's end, the paid period if any, whether
-- it renews. The zone is the practitioner's, in which trial end and monthly dates are reckoned.
CREATE TABLE subscriptions (
    practitioner_id uuid        PRIMARY KEY REFERENCES practitioners (id),
    zone            text        NOT NULL,
    trial_ends_at   timestamptz NOT NULL,
    paid_since      timestamptz,
    paid_until      timestamptz,
    renewing        boolean     NOT NULL,
    CONSTRAINT subscriptions_paid_period CHECK ((paid_since IS NULL) = (paid_until IS NULL)
        AND (paid_since IS NULL OR paid_since < paid_until)),
    CONSTRAINT subscriptions_renew_a_paid_period CHECK (NOT renewing OR paid_until IS NOT NULL)
);
-- The renewal job: renewing paid plans by the end of their period.
CREATE INDEX subscriptions_renewals ON subscriptions (paid_until, practitioner_id) WHERE renewing;

-- PLAN-2: what each practitioner used, month by month. A thing (booking, invoice) counts once, in the
-- month it was first recorded: the primary key is what refuses a second record, from any instance.
CREATE TABLE usage_records (
    practitioner_id uuid NOT NULL REFERENCES practitioners (id),
    kind            text NOT NULL CHECK (kind IN ('BOOKING', 'INVOICE')),
    thing_id        text NOT NULL CHECK (thing_id <> ''),
    usage_month     date NOT NULL CHECK (extract(day FROM usage_month) = 1),
    PRIMARY KEY (practitioner_id, kind, thing_id)
);
-- The quota check: one month's count, index-only.
CREATE INDEX usage_records_by_month ON usage_records (practitioner_id, kind, usage_month);
