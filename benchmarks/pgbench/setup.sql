-- The agendas BookingLoadRun created, numbered from 0 in id order, for booking.sql.
DROP TABLE IF EXISTS bench_agendas;
CREATE TABLE bench_agendas AS
  SELECT (row_number() OVER (ORDER BY p.id) - 1)::int AS n, p.id AS practitioner_id, a.id AS activity_id
  FROM practitioners p JOIN activities a ON a.practitioner_id = p.id;
ALTER TABLE bench_agendas ADD PRIMARY KEY (n);
