-- CAL-2: the secret of each practitioner's calendar feed address. Kept as is (like a booking link's secret):
-- the dashboard shows the address again whenever the practitioner subscribes another device, and it opens
-- nothing the database does not already hold. Replacing the row revokes the old address at once.
CREATE TABLE calendar_feeds (
    practitioner_id uuid        PRIMARY KEY REFERENCES practitioners (id),
    token           text        NOT NULL UNIQUE CHECK (token ~ '^[A-Za-z0-9_-]{22,128}$')
);
