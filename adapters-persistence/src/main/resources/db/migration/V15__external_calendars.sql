-- Issue 14 item 3: the practitioner's own calendar (its secret iCalendar address) blocks their availability.
-- The address is kept as given (the practitioner's secret for their own calendar; the API shows it masked).
-- last_attempt_at is the job's claim: a calendar is claimed (FOR UPDATE SKIP LOCKED) when it was not attempted
-- since the polling interval, and marked attempted in the same statement.
CREATE TABLE external_calendars (
    practitioner_id uuid        PRIMARY KEY REFERENCES practitioners (id),
    address         text        NOT NULL CHECK (char_length(address) BETWEEN 1 AND 2000),
    etag            text,
    last_modified   text,
    last_attempt_at timestamptz,
    last_success_at timestamptz,
    last_failure_at timestamptz,
    failure         text        CHECK (failure IN ('TIMEOUT', 'UNREACHABLE', 'HTTP_STATUS', 'NOT_A_CALENDAR',
                                                   'TOO_LARGE', 'TOO_MANY_REDIRECTS')),
    failure_detail  text        CHECK (char_length(failure_detail) <= 200)
);

CREATE INDEX external_calendars_due ON external_calendars (last_attempt_at NULLS FIRST, practitioner_id);

-- The busy periods the last read gave, over [then, then + booking window]: the cache the booking path reads,
-- in the same statement as openings and unavailabilities (JdbiAgendas), never the remote calendar.
CREATE TABLE external_busy_times (
    id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    practitioner_id uuid        NOT NULL REFERENCES external_calendars (practitioner_id) ON DELETE CASCADE,
    from_at         timestamptz NOT NULL,
    to_at           timestamptz NOT NULL,
    CHECK (to_at > from_at)
);

CREATE INDEX external_busy_times_range ON external_busy_times (practitioner_id, from_at);
