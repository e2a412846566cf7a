-- Practitioners' accounts at the payment provider (issue 12: Stripe Connect onboarding), with what the
-- provider last said of them. A new table only: nothing that exists is altered or locked, so this runs on a
-- live database while the previous version goes on writing.
--
-- One account per practitioner (the primary key) and one practitioner per account (payment_accounts_one_owner):
-- the provider's events name the account only, and must reach one practitioner.
CREATE TABLE payment_accounts (
    practitioner_id   uuid        PRIMARY KEY REFERENCES practitioners (id),
    account_id        text        NOT NULL CHECK (length(account_id) BETWEEN 1 AND 255),
    details_submitted boolean     NOT NULL,
    charges_enabled   boolean     NOT NULL,
    payouts_enabled   boolean     NOT NULL,
    -- requirements.currently_due and past_due, in the provider's order
    currently_due     text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(currently_due) <= 200),
    past_due          text[]      NOT NULL DEFAULT '{}' CHECK (cardinality(past_due) <= 200),
    disabled_reason   text        CHECK (length(disabled_reason) BETWEEN 1 AND 200),
    -- when the provider said so: an older event never overwrites a newer one
    as_of             timestamptz NOT NULL,
    CONSTRAINT payment_accounts_one_owner UNIQUE (account_id)
);
