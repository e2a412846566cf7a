-- The store ports of booking-core as they exist today. Conventions:
--   money     bigint minor units + char(3) ISO 4217 currency, never a floating-point type;
--   instants  timestamptz (microseconds: the adapter truncates what it writes);
--   local     date / time in the practitioner's zone (AG-1), zone ids as text;
--   enums     text holding the Java constant's name, checked against the known names;
--   small sets owned by one row (modes, skipped dates, allowed activities) are arrays on that row;
--   lists and maps that grow (history, moves, answers, form fields, message parameters) are child tables.

CREATE TABLE practitioners (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL,
    email         text        NOT NULL,
    phone         text,
    language      text        NOT NULL CHECK (language IN ('FRENCH', 'ENGLISH')),
    registered_at timestamptz NOT NULL
);

CREATE TABLE agenda_settings (
    practitioner_id               uuid    PRIMARY KEY REFERENCES practitioners (id),
    zone                          text    NOT NULL,
    spacing_minutes               integer NOT NULL CHECK (spacing_minutes >= 0),
    default_capacity              integer NOT NULL CHECK (default_capacity >= 1),
    minimum_notice_minutes        integer NOT NULL CHECK (minimum_notice_minutes >= 0),
    horizon_minutes               integer NOT NULL CHECK (horizon_minutes > 0),
    confirmation                  text    NOT NULL CHECK (confirmation IN ('MANUAL', 'AUTOMATIC')),
    cancellation_deadline_minutes integer NOT NULL CHECK (cancellation_deadline_minutes >= 0),
    clients_may_cancel            boolean NOT NULL,
    clients_may_move              boolean NOT NULL,
    no_show_basis_points          integer NOT NULL CHECK (no_show_basis_points BETWEEN 0 AND 10000),
    online_payment                text    NOT NULL CHECK (online_payment IN ('NONE', 'OPTIONAL', 'REQUIRED')),
    payment_window_minutes        integer NOT NULL CHECK (payment_window_minutes > 0),
    waitlist_alerts               boolean NOT NULL,
    currency                      char(3) NOT NULL
);

-- BK-1: the practitioner's booking form, in the order the questions are asked.
CREATE TABLE booking_form_fields (
    practitioner_id uuid    NOT NULL REFERENCES agenda_settings (practitioner_id) ON DELETE CASCADE,
    position        integer NOT NULL,
    field_key       text    NOT NULL,
    label           text    NOT NULL,
    required        boolean NOT NULL,
    max_length      integer NOT NULL CHECK (max_length > 0),
    PRIMARY KEY (practitioner_id, position),
    UNIQUE (practitioner_id, field_key)
);

CREATE TABLE activities (
    id               uuid    PRIMARY KEY,
    practitioner_id  uuid    NOT NULL REFERENCES practitioners (id),
    -- "in the order they were first saved": set on insert, kept by later saves.
    position         bigint  GENERATED ALWAYS AS IDENTITY,
    name             text    NOT NULL,
    duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
    price_minor      bigint  NOT NULL CHECK (price_minor >= 0),
    currency         char(3) NOT NULL,
    modes            text[]  NOT NULL CHECK (cardinality(modes) > 0 AND modes <@ ARRAY['IN_PERSON', 'PHONE', 'VIDEO']),
    active           boolean NOT NULL
);
CREATE INDEX activities_of_practitioner ON activities (practitioner_id, position);

-- AG-3: weekly (weekday, valid_from, valid_until, skipped_dates) or on one date (on_date).
CREATE TABLE openings (
    id              uuid    PRIMARY KEY,
    practitioner_id uuid    NOT NULL REFERENCES practitioners (id),
    position        bigint  GENERATED ALWAYS AS IDENTITY,
    weekday         smallint CHECK (weekday BETWEEN 1 AND 7),
    valid_from      date,
    valid_until     date,
    skipped_dates   date[]  NOT NULL DEFAULT '{}',
    on_date         date,
    start_time      time    NOT NULL,
    end_time        time    NOT NULL,
    step_minutes    integer CHECK (step_minutes BETWEEN 5 AND 480),
    capacity        integer CHECK (capacity >= 1),
    activity_ids    uuid[]  NOT NULL DEFAULT '{}',
    modes           text[]  NOT NULL DEFAULT '{}' CHECK (modes <@ ARRAY['IN_PERSON', 'PHONE', 'VIDEO']),
    address         text,
    CHECK ((weekday IS NOT NULL AND valid_from IS NOT NULL AND on_date IS NULL)
        OR (weekday IS NULL AND valid_from IS NULL AND valid_until IS NULL AND on_date IS NOT NULL))
);
CREATE INDEX openings_of_practitioner ON openings (practitioner_id, position);

-- AG-5: [from_at, to_at).
CREATE TABLE unavailabilities (
    id              uuid        PRIMARY KEY,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    from_at         timestamptz NOT NULL,
    to_at           timestamptz NOT NULL,
    label           text        NOT NULL,
    CHECK (to_at > from_at)
);
CREATE INDEX unavailabilities_of_practitioner ON unavailabilities (practitioner_id, from_at);

-- CLI-1: one client per practitioner and e-mail address (stored lower-cased by the domain).
CREATE TABLE clients (
    id              uuid        PRIMARY KEY,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    name            text        NOT NULL,
    email           text        NOT NULL,
    phone           text        NOT NULL,
    language        text        NOT NULL CHECK (language IN ('FRENCH', 'ENGLISH')),
    created_at      timestamptz NOT NULL,
    CONSTRAINT clients_one_per_email UNIQUE (practitioner_id, email)
);
-- The client file is listed by name in code-point order, the same on every server whatever its locale.
CREATE INDEX clients_by_name ON clients (practitioner_id, name COLLATE "C", id);

CREATE TABLE bookings (
    id                            uuid        PRIMARY KEY,
    practitioner_id               uuid        NOT NULL REFERENCES practitioners (id),
    activity_id                   uuid        NOT NULL REFERENCES activities (id),
    client_id                     uuid        NOT NULL REFERENCES clients (id),
    -- The client's details as given for this booking (they may differ from the client file later).
    client_name                   text        NOT NULL,
    client_email                  text        NOT NULL,
    client_phone                  text        NOT NULL,
    client_language               text        NOT NULL CHECK (client_language IN ('FRENCH', 'ENGLISH')),
    mode                          text        NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
    start_at                      timestamptz NOT NULL,
    end_at                        timestamptz NOT NULL,
    -- BK-9: the frozen terms.
    price_minor                   bigint      NOT NULL CHECK (price_minor >= 0),
    currency                      char(3)     NOT NULL,
    cancellation_deadline_seconds bigint      NOT NULL,
    no_show_basis_points          integer     NOT NULL CHECK (no_show_basis_points BETWEEN 0 AND 10000),
    payment_arrangement           text        NOT NULL CHECK (payment_arrangement IN ('ON_SITE', 'ON_SITE_WITH_GUARANTEE', 'PREPAID')),
    minimum_notice_seconds        bigint      NOT NULL,
    state                         text        NOT NULL CHECK (state IN ('HELD', 'PENDING', 'CONFIRMED', 'COMPLETED',
                                                  'NO_SHOW', 'CANCELLED_BY_CLIENT', 'CANCELLED_BY_PRACTITIONER', 'REFUSED', 'EXPIRED')),
    booked_by                     text        NOT NULL CHECK (booked_by IN ('CLIENT', 'PRACTITIONER')),
    access_token                  text        NOT NULL,
    created_at                    timestamptz NOT NULL,
    expires_at                    timestamptz,
    paid_minor                    bigint      NOT NULL CHECK (paid_minor >= 0),
    payment_reference             text,
    guarantee_reference           text,
    -- The sealed MoneyDecision: its kind, and the amounts that kind carries.
    settlement                    text        CHECK (settlement IN ('NO_MONEY_MOVES', 'RELEASE_GUARANTEE', 'REFUND_IN_FULL',
                                                  'KEEP_FROM_PREPAYMENT', 'CHARGE_GUARANTEE')),
    settlement_amount_minor       bigint,
    settlement_refunded_minor     bigint,
    settlement_currency           char(3),
    version                       bigint      NOT NULL,
    CONSTRAINT bookings_end_after_start CHECK (end_at > start_at),
    CONSTRAINT bookings_access_token_unique UNIQUE (access_token),
    CONSTRAINT bookings_settlement_shape CHECK (
        (settlement IS NULL AND settlement_amount_minor IS NULL AND settlement_refunded_minor IS NULL AND settlement_currency IS NULL)
        OR (settlement IN ('NO_MONEY_MOVES', 'RELEASE_GUARANTEE') AND settlement_amount_minor IS NULL AND settlement_refunded_minor IS NULL)
        OR (settlement IN ('REFUND_IN_FULL', 'CHARGE_GUARANTEE') AND settlement_amount_minor > 0 AND settlement_refunded_minor IS NULL AND settlement_currency IS NOT NULL)
        OR (settlement = 'KEEP_FROM_PREPAYMENT' AND settlement_amount_minor > 0 AND settlement_refunded_minor >= 0 AND settlement_currency IS NOT NULL))
);
-- AG-7 / AG-10: the seats taken around a start time, read under the agenda lock by every booking and move.
CREATE INDEX bookings_seat_holding ON bookings (practitioner_id, start_at) WHERE state IN ('HELD', 'PENDING', 'CONFIRMED');
-- The agenda in any state (dashboard, calendar feed).
CREATE INDEX bookings_of_practitioner ON bookings (practitioner_id, start_at);
CREATE INDEX bookings_of_client ON bookings (client_id, start_at);
-- Jobs: holds and requests that expire (BK-3, BK-4), bookings that ended (BK-5), requests to remind (BK-4).
CREATE INDEX bookings_expiring ON bookings (expires_at) WHERE state IN ('HELD', 'PENDING');
CREATE INDEX bookings_confirmed_by_end ON bookings (end_at) WHERE state = 'CONFIRMED';
CREATE INDEX bookings_pending_by_creation ON bookings (created_at) WHERE state = 'PENDING';

CREATE TABLE booking_answers (
    booking_id uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    question   text NOT NULL,
    answer     text NOT NULL,
    PRIMARY KEY (booking_id, question)
);

-- BK-2: every change of state, in order; from_state is NULL for the creation.
CREATE TABLE booking_transitions (
    booking_id uuid        NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    seq        integer     NOT NULL,
    from_state text,
    to_state   text        NOT NULL,
    at         timestamptz NOT NULL,
    cause      text        NOT NULL,
    actor      text        NOT NULL,
    PRIMARY KEY (booking_id, seq)
);

-- BK-7: every reschedule, in order.
CREATE TABLE booking_moves (
    booking_id     uuid        NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    seq            integer     NOT NULL,
    previous_start timestamptz NOT NULL,
    new_start      timestamptz NOT NULL,
    at             timestamptz NOT NULL,
    actor          text        NOT NULL,
    PRIMARY KEY (booking_id, seq)
);

-- CX-7: at most one entry per booking.
CREATE TABLE waitlist_entries (
    id              uuid        PRIMARY KEY,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    activity_id     uuid        NOT NULL REFERENCES activities (id),
    booking_id      uuid        NOT NULL REFERENCES bookings (id),
    created_at      timestamptz NOT NULL,
    CONSTRAINT waitlist_one_per_booking UNIQUE (booking_id)
);
CREATE INDEX waitlist_by_activity ON waitlist_entries (practitioner_id, activity_id, created_at, id);

-- NOT-3: written in the transaction of its cause; one message per (cause, recipient, channel).
CREATE TABLE outbox (
    sequence        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id              uuid        NOT NULL UNIQUE,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    booking_id      uuid        REFERENCES bookings (id),
    kind            text        NOT NULL,
    recipient       text        NOT NULL CHECK (recipient IN ('PRACTITIONER', 'CLIENT')),
    channel         text        NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    cause_key       text        NOT NULL,
    created_at      timestamptz NOT NULL,
    deliver_after   timestamptz NOT NULL,
    CONSTRAINT outbox_once_per_cause_recipient_channel UNIQUE (cause_key, recipient, channel)
);
-- What delivery will scan: messages by due time.
CREATE INDEX outbox_due ON outbox (deliver_after, sequence);
CREATE INDEX outbox_about_booking ON outbox (booking_id, sequence) WHERE booking_id IS NOT NULL;

CREATE TABLE outbox_parameters (
    message_id uuid NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
    name       text NOT NULL,
    value      text NOT NULL,
    PRIMARY KEY (message_id, name)
);

-- BK-8: the first result of a command, per practitioner scope and key. No foreign key to practitioners:
-- a command about an unknown practitioner is refused (NOT_FOUND), and that refusal is remembered too.
CREATE TABLE idempotency_keys (
    practitioner_id uuid        NOT NULL,
    idempotency_key text        NOT NULL,
    operation       text        NOT NULL,
    fingerprint     text        NOT NULL,
    subject_id      text,
    rejection       text,
    detail          text        NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (practitioner_id, idempotency_key),
    CHECK ((subject_id IS NULL) <> (rejection IS NULL))
);
