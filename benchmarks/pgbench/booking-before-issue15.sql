-- One client booking as the PostgreSQL adapter ran it BEFORE issue 15 (23 statements; captured with log_statement = all
-- from BookingLoadRun): kept to compare with booking.sql (8 statements), same set-up and variables.
-- Run after BookingLoadRun has filled the database; bench_agendas (setup.sql) lists its agendas.
-- -D spread=1 (uncontested): each client (pgbench -c 16) books on its own 4 agendas, as each load-run
-- thread does. -D spread=0 (contested): every client books on agenda 0, the one agenda of the contested run.
\set n (:client_id * 4 + random(0, 3)) * :spread
\set day random(1, 58)
\set slot random(0, 23)
\set k random(1, 1000000000)
SELECT quote_literal(practitioner_id) AS p, quote_literal(activity_id) AS a FROM bench_agendas WHERE n = :n \gset
BEGIN;
SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:p, 0));
SELECT practitioner_id, idempotency_key, operation, fingerprint, subject_id, rejection, detail, created_at
  FROM idempotency_keys WHERE practitioner_id = :p::uuid AND idempotency_key = 'pgbench-' || :k || '-' || :client_id;
SELECT practitioner_id, zone, spacing_minutes, default_capacity, minimum_notice_minutes, horizon_minutes, confirmation,
       cancellation_deadline_minutes, clients_may_cancel, clients_may_move, no_show_basis_points, online_payment,
       payment_window_minutes, waitlist_alerts, currency, first_reminder_minutes, second_reminder_minutes
  FROM agenda_settings WHERE practitioner_id = :p::uuid;
SELECT practitioner_id, position, field_key, label, required, max_length FROM booking_form_fields
  WHERE practitioner_id = :p::uuid ORDER BY position;
SELECT id, practitioner_id, name, duration_minutes, price_minor, currency, array_to_string(modes, ',') AS modes, active
  FROM activities WHERE practitioner_id = :p::uuid AND id = :a::uuid;
SELECT id, start_at, end_at FROM bookings
  WHERE practitioner_id = :p::uuid AND state IN ('HELD', 'PENDING', 'CONFIRMED')
    AND start_at < date_trunc('day', now()) + (:day + 2) * interval '1 day'
    AND end_at > date_trunc('day', now()) + (:day - 1) * interval '1 day'
  ORDER BY start_at, id;
SELECT id, practitioner_id, weekday, valid_from, valid_until, array_to_string(skipped_dates, ',') AS skipped_dates, on_date,
       start_time, end_time, step_minutes, capacity, array_to_string(activity_ids, ',') AS activity_ids,
       array_to_string(modes, ',') AS modes, address
  FROM openings WHERE practitioner_id = :p::uuid ORDER BY position;
SELECT id, practitioner_id, from_at, to_at, label FROM unavailabilities
  WHERE practitioner_id = :p::uuid AND from_at < now() + interval '60 days' AND to_at > now() ORDER BY from_at, id;
SELECT id, practitioner_id, name, email, phone, language, created_at FROM clients
  WHERE practitioner_id = :p::uuid AND email = 'pgbench' || :k || '@example.org';
INSERT INTO clients (id, practitioner_id, name, email, phone, language, created_at)
  VALUES (gen_random_uuid(), :p::uuid, 'Client ' || :k, 'pgbench' || :k || '-' || :client_id || '-' || random() || '@example.org', '+33612345678', 'FRENCH', now())
  ON CONFLICT DO NOTHING;
INSERT INTO bookings (id, practitioner_id, activity_id, client_id, client_name, client_email, client_phone, client_language,
       mode, start_at, end_at, price_minor, currency, cancellation_deadline_seconds, no_show_basis_points,
       payment_arrangement, minimum_notice_seconds, state, booked_by, access_token, created_at, expires_at,
       paid_minor, payment_reference, guarantee_reference, settlement, settlement_amount_minor,
       settlement_refunded_minor, settlement_currency, version)
  VALUES (gen_random_uuid(), :p::uuid, :a::uuid, (SELECT id FROM clients WHERE practitioner_id = :p::uuid LIMIT 1), 'Client ' || :k,
       'pgbench' || :k || '@example.org', '+33612345678', 'FRENCH', 'IN_PERSON',
       date_trunc('day', now()) + :day * interval '1 day' + interval '7 hours' + :slot * interval '30 minutes',
       date_trunc('day', now()) + :day * interval '1 day' + interval '7 hours 30 minutes' + :slot * interval '30 minutes',
       5000, 'EUR', 86400, 0, 'ON_SITE', 7200, 'CONFIRMED', 'CLIENT', md5(random()::text), now(), NULL, 0, NULL, NULL,
       NULL, NULL, NULL, NULL, 1);
INSERT INTO booking_transitions (booking_id, seq, from_state, to_state, at, cause, actor)
  VALUES ((SELECT id FROM bookings WHERE practitioner_id = :p::uuid ORDER BY created_at DESC LIMIT 1), 0, NULL, 'CONFIRMED', now(), 'BOOKED', 'CLIENT')
  ON CONFLICT DO NOTHING;
SELECT practitioner_id, zone, spacing_minutes, default_capacity, minimum_notice_minutes, horizon_minutes, confirmation,
       cancellation_deadline_minutes, clients_may_cancel, clients_may_move, no_show_basis_points, online_payment,
       payment_window_minutes, waitlist_alerts, currency, first_reminder_minutes, second_reminder_minutes
  FROM agenda_settings WHERE practitioner_id = :p::uuid;
SELECT practitioner_id, position, field_key, label, required, max_length FROM booking_form_fields
  WHERE practitioner_id = :p::uuid ORDER BY position;
INSERT INTO usage_records (practitioner_id, kind, thing_id, usage_month)
  VALUES (:p::uuid, 'BOOKING', gen_random_uuid()::text, date_trunc('month', now())::date)
  ON CONFLICT (practitioner_id, kind, thing_id) DO NOTHING;
INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after)
  VALUES (gen_random_uuid(), :p::uuid, NULL, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'PRACTITIONER', 'SMS', 'pgbench:' || random(), now(), now())
  ON CONFLICT (cause_key, recipient, channel) DO NOTHING;
INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after)
  VALUES (gen_random_uuid(), :p::uuid, NULL, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'PRACTITIONER', 'EMAIL', 'pgbench:' || random(), now(), now())
  ON CONFLICT (cause_key, recipient, channel) DO NOTHING;
INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after)
  VALUES (gen_random_uuid(), :p::uuid, NULL, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'CLIENT', 'SMS', 'pgbench:' || random(), now(), now())
  ON CONFLICT (cause_key, recipient, channel) DO NOTHING;
INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after)
  VALUES (gen_random_uuid(), :p::uuid, NULL, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'CLIENT', 'EMAIL', 'pgbench:' || random(), now(), now())
  ON CONFLICT (cause_key, recipient, channel) DO NOTHING;
INSERT INTO idempotency_keys (practitioner_id, idempotency_key, operation, fingerprint, subject_id, rejection, detail, created_at)
  VALUES (:p::uuid, 'pgbench-' || :k || '-' || :client_id || '-' || random(), 'book', md5(random()::text), gen_random_uuid()::text, NULL, '', now())
  ON CONFLICT (practitioner_id, idempotency_key) DO NOTHING;
COMMIT;
