-- Operator tools (issue 12, item 4): operators' accounts and the audit log of their actions.
--
-- New tables only: nothing that exists is altered or locked, so this runs on a live database.

-- Operators, apart from practitioners' accounts: the host names them (RENDEZVOUS_OPERATORS) and each
-- chooses a password through a single-use link, kept by the SHA-256 of its secret only. The e-mail is
-- lower-cased by the domain (EmailAddress), so a plain unique key is case-insensitive uniqueness.
CREATE TABLE operators (
    id              uuid        PRIMARY KEY,
    email           text        NOT NULL,
    password_hash   text        CHECK (length(password_hash) BETWEEN 1 AND 1000),
    -- ACC-3: failed logins in a row, and the lock they caused (NULL: not locked).
    failed_logins   integer     NOT NULL CHECK (failed_logins >= 0),
    locked_until    timestamptz,
    session_version bigint      NOT NULL CHECK (session_version >= 0),
    link_digest     text        CHECK (link_digest ~ '^[0-9a-f]{64}$'),
    link_expires_at timestamptz,
    created_at      timestamptz NOT NULL,
    CONSTRAINT operators_one_per_email UNIQUE (email),
    CONSTRAINT operators_link_digest_unique UNIQUE (link_digest),
    CONSTRAINT operators_link_with_expiry CHECK ((link_digest IS NULL) = (link_expires_at IS NULL))
);

-- Every operator action, with who, when, what and why. Append-only: rows are never changed or removed
-- (the same rules as the ledger's tables). Whether a practitioner is suspended is their latest
-- suspension or reactivation here; the partial index answers it before each public request.
CREATE TABLE operator_actions (
    id              uuid        PRIMARY KEY,
    position        bigserial   NOT NULL UNIQUE,
    operator_id     uuid        NOT NULL REFERENCES operators (id),
    operator_email  text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER',
                                                         'REVERSE_CHARGE', 'RETRY_MESSAGE')),
    subject         text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 100),
    practitioner_id uuid,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
    at              timestamptz NOT NULL
);
CREATE INDEX operator_actions_by_practitioner ON operator_actions (practitioner_id, position);
CREATE INDEX operator_actions_suspensions ON operator_actions (practitioner_id, position)
    WHERE kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER');
CREATE FUNCTION operator_actions_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the operators'' audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'integrity_constraint_violation';
END
$$;
CREATE TRIGGER operator_actions_append_only BEFORE UPDATE OR DELETE ON operator_actions
    FOR EACH ROW EXECUTE FUNCTION operator_actions_are_append_only();

-- CX-4: an operator's reversal of a contested charge is a posting of its own kind. The kinds a posting may
-- have are widened by replacing V2's check with one that names them all; NOT VALID, so that no scan of the
-- ledger runs while it is locked (every row there already passes, having passed the narrower check).
ALTER TABLE ledger_postings DROP CONSTRAINT IF EXISTS ledger_postings_kind_check;
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_kind_known
    CHECK (kind IN ('PAYMENT_RECEIVED', 'PROVIDER_FEE', 'COMMISSION', 'EARNINGS_RELEASED', 'CHARGE_KEPT',
                    'GUARANTEE_CHARGED', 'REFUND', 'PAYOUT', 'PAYOUT_REVERSED', 'CHARGE_REVERSED')) NOT VALID;
