-- The paid plan billed by the payment provider (PLAN-1 … PLAN-3, issue 12 item 3).
--
-- Columns added with constant defaults (PostgreSQL 11+ stores them in the catalogue without rewriting
-- the table), so the ALTER takes its lock for an instant and this runs on a live database; the previous
-- version, which knows none of these columns, goes on writing rows that get the defaults.
--
-- customer_ref: the provider's customer billed for this practitioner, created once and reused.
-- subscription_ref: the provider's live subscription, if any (a new checkout is refused while there is one).
-- renewal_failed: the last renewal's charge failed; the free plan applies from the end of the paid period.
-- trial_end_told: the e-mail 7 days before the trial's end was written (once per practitioner and trial).
ALTER TABLE subscriptions
    ADD COLUMN customer_ref     text,
    ADD COLUMN subscription_ref text,
    ADD COLUMN renewal_failed   boolean NOT NULL DEFAULT false,
    ADD COLUMN trial_end_told   boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT subscriptions_subscription_has_customer CHECK (subscription_ref IS NULL OR customer_ref IS NOT NULL);

-- The trial-end job: trials not told yet, by their end.
CREATE INDEX subscriptions_trials_to_tell ON subscriptions (trial_ends_at, practitioner_id) WHERE NOT trial_end_told;
