-- The operator's payout list reads newest change first and pages on (updated_at, id) (issue 12): an index each way
-- it is read, all states and one state, so a page costs the same however deep the reader goes.
CREATE INDEX payouts_newest_change ON payouts (updated_at, id);
CREATE INDEX payouts_state_newest_change ON payouts (state, updated_at, id);
