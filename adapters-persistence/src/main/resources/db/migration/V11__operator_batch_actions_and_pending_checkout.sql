-- Issue 12, last gaps.
--
-- 1. Exporting a bank-file payout batch and marking it sent are operator actions: they go to the audit log like the
--    others. The kinds an action may have are widened by replacing V8's check with one that names them all; NOT
--    VALID, so that no scan runs while the table is locked (every row there already passes the narrower check).
ALTER TABLE operator_actions DROP CONSTRAINT IF EXISTS operator_actions_kind_check;
ALTER TABLE operator_actions ADD CONSTRAINT operator_actions_kind_known
    CHECK (kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER', 'REVERSE_CHARGE', 'RETRY_MESSAGE',
                    'EXPORT_PAYOUT_BATCH', 'MARK_PAYOUT_BATCH_SENT')) NOT VALID;

-- 2. PLAN-3: the paid plan's checkout page that is open (or being opened) for a practitioner, so that a second
--    subscribe (two tabs, a double click) answers the same page instead of opening a second subscription.
--    checkout_url is NULL while the page is being opened; the row's checkout is void after checkout_expires_at.
ALTER TABLE subscriptions
    ADD COLUMN checkout_url        text,
    ADD COLUMN checkout_expires_at timestamptz,
    ADD CONSTRAINT subscriptions_checkout_has_expiry CHECK (checkout_url IS NULL OR checkout_expires_at IS NOT NULL);
