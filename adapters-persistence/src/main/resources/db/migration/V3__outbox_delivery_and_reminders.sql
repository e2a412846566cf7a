-- Outbox delivery (NOT-3) and reminder planning (NOT-2).
--
-- Written to run on a live database, while instances still running the previous version keep writing:
--   * every new column is nullable or has a constant default, which PostgreSQL records in the catalogue
--     without rewriting the table; rows written by the previous version get the defaults and stay valid;
--   * no existing row is updated: a message never attempted has no next_attempt_at and is due at its
--     deliver_after (the claim reads COALESCE(next_attempt_at, deliver_after));
--   * CHECK constraints are added NOT VALID: enforced on every row written from now on, without a scan of
--     the existing rows under the ACCESS EXCLUSIVE lock (those rows hold the defaults, which satisfy them).
--     `ALTER TABLE … VALIDATE CONSTRAINT …` may be run later at any time: it lets reads and writes go on;
--   * the lock wait is bounded: if a long transaction holds the tables, the migration fails after 10 s
--     (run it again) instead of queueing every booking behind its ALTER TABLE;
--   * the new indexes are partial (PENDING messages, FAILED messages, CONFIRMED bookings). A plain CREATE
--     INDEX blocks writes to its table while it is built; on a large table create them beforehand with
--     CREATE INDEX CONCURRENTLY under the same names (docs/persistence.md): IF NOT EXISTS then skips them.
SET LOCAL lock_timeout = '10s';

ALTER TABLE outbox
    ADD COLUMN state              text        NOT NULL DEFAULT 'PENDING',
    ADD COLUMN attempts           integer     NOT NULL DEFAULT 0,
    -- When a PENDING message is due again after a failed attempt; NULL until then (due at deliver_after).
    ADD COLUMN next_attempt_at    timestamptz,
    -- The lease of the dispatcher working on it; a lease that ended is as good as none.
    ADD COLUMN lease_owner        text,
    ADD COLUMN lease_until        timestamptz,
    -- Why the last attempt failed, or why the message was skipped; kept when an operator retries.
    ADD COLUMN last_error         text,
    -- When it was DELIVERED, SKIPPED or parked as FAILED.
    ADD COLUMN finished_at        timestamptz,
    ADD COLUMN provider_reference text;

ALTER TABLE outbox
    ADD CONSTRAINT outbox_state_known
        CHECK (state IN ('PENDING', 'DELIVERED', 'SKIPPED', 'FAILED')) NOT VALID,
    ADD CONSTRAINT outbox_attempts_counted CHECK (attempts >= 0) NOT VALID,
    ADD CONSTRAINT outbox_lease_whole
        CHECK ((lease_owner IS NULL) = (lease_until IS NULL)) NOT VALID,
    ADD CONSTRAINT outbox_finished_unless_pending
        CHECK ((state = 'PENDING') = (finished_at IS NULL)) NOT VALID,
    ADD CONSTRAINT outbox_reference_when_delivered
        CHECK (provider_reference IS NULL OR state = 'DELIVERED') NOT VALID;

-- The claim: PENDING messages by due time, then write order (see JdbiOutbox.claimDue). Replaces outbox_due,
-- which indexed every message, delivered ones included, and no query uses any longer.
CREATE INDEX IF NOT EXISTS outbox_claim
    ON outbox ((COALESCE(next_attempt_at, deliver_after)), sequence) WHERE state = 'PENDING';
DROP INDEX IF EXISTS outbox_due;
-- The operator's list of parked messages, latest first.
CREATE INDEX IF NOT EXISTS outbox_parked ON outbox (finished_at DESC, sequence DESC) WHERE state = 'FAILED';

-- NOT-2: CONFIRMED bookings by start, for reminder planning and its keyset paging on (start_at, id).
CREATE INDEX IF NOT EXISTS bookings_reminder_candidates ON bookings (start_at, id) WHERE state = 'CONFIRMED';

-- NOT-2: the practitioner's reminder offsets, in whole minutes; existing agendas get the defaults (48 h, 24 h).
ALTER TABLE agenda_settings
    ADD COLUMN first_reminder_minutes  integer NOT NULL DEFAULT 2880,
    ADD COLUMN second_reminder_minutes integer NOT NULL DEFAULT 1440;

ALTER TABLE agenda_settings
    ADD CONSTRAINT agenda_settings_reminders
        CHECK (first_reminder_minutes BETWEEN 60 AND 10080
            AND second_reminder_minutes BETWEEN 30 AND 10080
            AND second_reminder_minutes < first_reminder_minutes) NOT VALID;
