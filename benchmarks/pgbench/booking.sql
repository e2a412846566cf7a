-- One client booking as the PostgreSQL adapter runs it since issue 15 (BookingStatementCountTest pins it): the
-- same 8 statements in the same order, with the Java work between them removed (the statements before issue 15
-- are in booking-before-issue15.sql). Run after BookingLoadRun has filled the database; bench_agendas
-- (setup.sql) lists its agendas. -D spread=1 (uncontested): each client (pgbench -c 16) books on its own 4
-- agendas, as each load-run thread does. -D spread=0 (contested): every client books on agenda 0.
\set n (:client_id * 4 + random(0, 3)) * :spread
\set day random(1, 58)
\set slot random(0, 23)
\set k random(1, 1000000000)
SELECT quote_literal(practitioner_id) AS p, quote_literal(activity_id) AS a FROM bench_agendas WHERE n = :n \gset
BEGIN;
SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:p, 0));
SELECT practitioner_id, idempotency_key, operation, fingerprint, subject_id, rejection, detail, created_at
  FROM idempotency_keys WHERE practitioner_id = :p::uuid AND idempotency_key = 'pgbench-' || :k || '-' || :client_id;
SELECT s.practitioner_id, s.zone, s.spacing_minutes, s.default_capacity, s.minimum_notice_minutes, s.horizon_minutes,
       s.confirmation, s.cancellation_deadline_minutes, s.clients_may_cancel, s.clients_may_move, s.no_show_basis_points,
       s.online_payment, s.payment_window_minutes, s.waitlist_alerts, s.currency, s.first_reminder_minutes,
       s.second_reminder_minutes,
       ARRAY(SELECT f.field_key FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id ORDER BY f.position) AS form_keys,
       ARRAY(SELECT f.label FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id ORDER BY f.position) AS form_labels,
       ARRAY(SELECT f.required FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id ORDER BY f.position) AS form_required,
       ARRAY(SELECT f.max_length FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id ORDER BY f.position) AS form_max_lengths,
       a.id AS activity_id, a.name AS activity_name, a.duration_minutes, a.price_minor, a.currency AS activity_currency,
       array_to_string(a.modes, ',') AS activity_modes, a.active,
       COALESCE((SELECT o.kind = 'SUSPEND_PRACTITIONER' FROM operator_actions o WHERE o.practitioner_id = s.practitioner_id
                   AND o.kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER') ORDER BY o.position DESC LIMIT 1), false) AS suspended
  FROM agenda_settings s LEFT JOIN activities a ON a.practitioner_id = s.practitioner_id AND a.id = :a::uuid
  WHERE s.practitioner_id = :p::uuid;
SELECT id, start_at, end_at FROM bookings
  WHERE practitioner_id = :p::uuid AND state IN ('HELD', 'PENDING', 'CONFIRMED')
    AND start_at < date_trunc('day', now()) + (:day + 2) * interval '1 day'
    AND end_at > date_trunc('day', now()) + (:day - 1) * interval '1 day'
  ORDER BY start_at, id;
SELECT 'O' AS part, position AS ordinal, NULL::timestamptz AS from_at, id, weekday, valid_from, valid_until,
       array_to_string(skipped_dates, ',') AS skipped_dates, on_date, start_time, end_time, step_minutes, capacity,
       array_to_string(activity_ids, ',') AS activity_ids, array_to_string(modes, ',') AS modes, address,
       NULL::timestamptz AS to_at, NULL::text AS label
  FROM openings WHERE practitioner_id = :p::uuid
UNION ALL
SELECT 'U', NULL, from_at, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, to_at, label
  FROM unavailabilities WHERE practitioner_id = :p::uuid
    AND from_at < date_trunc('day', now()) + (:day + 2) * interval '1 day'
    AND to_at > date_trunc('day', now()) + (:day - 1) * interval '1 day'
ORDER BY part, ordinal, from_at, id;
INSERT INTO clients (id, practitioner_id, name, email, phone, language, created_at)
  VALUES (gen_random_uuid(), :p::uuid, 'Client ' || :k, 'pgbench' || :k || '-' || :client_id || '@example.org', '+33612345678', 'FRENCH', now())
  ON CONFLICT (practitioner_id, email) DO UPDATE SET name = excluded.name, phone = excluded.phone, language = excluded.language
  RETURNING quote_literal(id) AS id, practitioner_id, name, email, phone, language, created_at \gset c_
INSERT INTO bookings (id, practitioner_id, activity_id, client_id, client_name, client_email, client_phone, client_language,
       mode, start_at, end_at, price_minor, currency, cancellation_deadline_seconds, no_show_basis_points,
       payment_arrangement, minimum_notice_seconds, state, booked_by, access_token, created_at, expires_at,
       paid_minor, payment_reference, guarantee_reference, settlement, settlement_amount_minor,
       settlement_refunded_minor, settlement_currency, version)
  VALUES (gen_random_uuid(), :p::uuid, :a::uuid, :c_id::uuid, 'Client ' || :k,
       'pgbench' || :k || '@example.org', '+33612345678', 'FRENCH', 'IN_PERSON',
       date_trunc('day', now()) + :day * interval '1 day' + interval '7 hours' + :slot * interval '30 minutes',
       date_trunc('day', now()) + :day * interval '1 day' + interval '7 hours 30 minutes' + :slot * interval '30 minutes',
       5000, 'EUR', 86400, 0, 'ON_SITE', 7200, 'CONFIRMED', 'CLIENT', md5(random()::text), now(), NULL, 0, NULL, NULL,
       NULL, NULL, NULL, NULL, 1)
  ON CONFLICT (id) DO NOTHING
  RETURNING quote_literal(id) AS b_id \gset
WITH w0 AS (INSERT INTO booking_transitions (booking_id, seq, from_state, to_state, at, cause, actor)
              VALUES (:b_id::uuid, 0, NULL, 'CONFIRMED', now(), 'BOOKED', 'CLIENT') RETURNING 1),
     w1 AS (INSERT INTO usage_records (practitioner_id, kind, thing_id, usage_month)
              VALUES (:p::uuid, 'BOOKING', :b_id, date_trunc('month', now())::date)
              ON CONFLICT (practitioner_id, kind, thing_id) DO NOTHING RETURNING 1),
     w2 AS (INSERT INTO outbox (id, practitioner_id, booking_id, kind, recipient, channel, cause_key, created_at, deliver_after)
              VALUES (gen_random_uuid(), :p::uuid, :b_id::uuid, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'PRACTITIONER', 'SMS', 'pgbench:' || :b_id, now(), now()),
                     (gen_random_uuid(), :p::uuid, :b_id::uuid, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'PRACTITIONER', 'EMAIL', 'pgbench:' || :b_id, now(), now()),
                     (gen_random_uuid(), :p::uuid, :b_id::uuid, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'CLIENT', 'SMS', 'pgbench:' || :b_id, now(), now()),
                     (gen_random_uuid(), :p::uuid, :b_id::uuid, 'BOOKING_CONFIRMED_AUTOMATICALLY', 'CLIENT', 'EMAIL', 'pgbench:' || :b_id, now(), now())
              ON CONFLICT (cause_key, recipient, channel) DO NOTHING RETURNING id),
     w3 AS (INSERT INTO idempotency_keys (practitioner_id, idempotency_key, operation, fingerprint, subject_id, rejection, detail, created_at)
              VALUES (:p::uuid, 'pgbench-' || :k || '-' || :client_id || '-' || random(), 'book', md5(random()::text), :b_id, NULL, '', now())
              ON CONFLICT (practitioner_id, idempotency_key) DO NOTHING RETURNING 1)
SELECT ARRAY[(SELECT count(*) FROM w0), (SELECT count(*) FROM w1), (SELECT count(*) FROM w2), (SELECT count(*) FROM w3)]::int[];
COMMIT;
