-- Practitioners' accounts (ACC-1, ACC-3): how a practitioner signs in, and the one-time links sent by e-mail.
-- (Sign-in accounts, not the ledger's accounts, which are names on ledger_legs.)
--
-- New tables only: nothing that exists is altered or locked, so this runs on a live database while the
-- previous version (which kept accounts in memory) goes on writing.

-- One per practitioner. The e-mail is lower-cased by the domain (EmailAddress) before it gets here, so a
-- plain unique key is the case-insensitive uniqueness the port asks for ("Anna@…" and "anna@…" are one
-- address), and the same index answers the login's lookup. The password hash is the hasher's opaque text.
CREATE TABLE accounts (
    practitioner_id uuid        PRIMARY KEY REFERENCES practitioners (id),
    email           text        NOT NULL,
    password_hash   text        NOT NULL CHECK (length(password_hash) BETWEEN 1 AND 1000),
    email_verified  boolean     NOT NULL,
    -- ACC-3: failed logins in a row, and the lock they caused (NULL: not locked).
    failed_logins   integer     NOT NULL CHECK (failed_logins >= 0),
    locked_until    timestamptz,
    -- Sessions issued under an older version are refused (logout, password reset).
    session_version bigint      NOT NULL CHECK (session_version >= 0),
    CONSTRAINT accounts_one_per_email UNIQUE (email)
);

-- One-time links (e-mail verification, password reset), kept by the SHA-256 of their secret only: a copy
-- of this table gives no usable link. A link is used once: used_at is set by a conditional UPDATE
-- (… WHERE used_at IS NULL) whose row count says which of two racing requests won.
CREATE TABLE account_tokens (
    digest          text        PRIMARY KEY CHECK (digest ~ '^[0-9a-f]{64}$'),
    practitioner_id uuid        NOT NULL REFERENCES accounts (practitioner_id),
    purpose         text        NOT NULL CHECK (purpose IN ('EMAIL_VERIFICATION', 'PASSWORD_RESET')),
    issued_at       timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    CONSTRAINT account_tokens_expire_after_issue CHECK (expires_at > issued_at)
);
-- A new link replaces the older ones: every unused link of a practitioner for a purpose is marked used.
CREATE INDEX account_tokens_unused ON account_tokens (practitioner_id, purpose) WHERE used_at IS NULL;
