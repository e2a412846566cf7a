-- Client accounts (CLI-2, issue 14 item 4): optional and passwordless.
--
-- A new table and an index: nothing that exists is altered.

-- One account per e-mail address (lower-cased by the domain's EmailAddress, so a plain unique key is
-- case-insensitive). It keeps no details of its own: the client's details and bookings stay in each
-- practitioner's client file, found by this e-mail. At most one sign-in link is pending, kept by the
-- SHA-256 of its secret only and valid 15 minutes; using it clears it.
CREATE TABLE client_accounts (
    id              uuid        PRIMARY KEY,
    email           text        NOT NULL,
    session_version bigint      NOT NULL CHECK (session_version >= 0),
    link_digest     text        CHECK (link_digest ~ '^[0-9a-f]{64}$'),
    link_expires_at timestamptz,
    created_at      timestamptz NOT NULL,
    CONSTRAINT client_accounts_one_per_email UNIQUE (email),
    CONSTRAINT client_accounts_link_digest_unique UNIQUE (link_digest),
    CONSTRAINT client_accounts_link_with_expiry CHECK ((link_digest IS NULL) = (link_expires_at IS NULL))
);

-- An account reaches its e-mail's entries in every practitioner's client file.
CREATE INDEX clients_by_email ON clients (email);
