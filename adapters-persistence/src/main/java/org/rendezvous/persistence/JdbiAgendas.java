package org.rendezvous.persistence;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.BookingForm;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.FormField;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.Place;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.practitioner.PractitionerId;

final class JdbiAgendas implements Agendas {

    public record SettingsRow(UUID practitionerId, String zone, int spacingMinutes, int defaultCapacity,
                       int minimumNoticeMinutes, int horizonMinutes, String confirmation,
                       int cancellationDeadlineMinutes, boolean clientsMayCancel, boolean clientsMayMove,
                       int noShowBasisPoints, String onlinePayment, int paymentWindowMinutes, boolean waitlistAlerts,
                       String currency, int firstReminderMinutes, int secondReminderMinutes) {
    }

    public record FormFieldRow(UUID practitionerId, int position, String fieldKey, String label, boolean required,
                        int maxLength) {
    }

    public record ActivityRow(UUID id, UUID practitionerId, String name, int durationMinutes, long priceMinor,
                       String currency, String modes, boolean active) {
    }

    public record OpeningRow(UUID id, UUID practitionerId, Integer weekday, LocalDate validFrom, LocalDate validUntil,
                      String skippedDates, LocalDate onDate, LocalTime startTime, LocalTime endTime,
                      Integer stepMinutes, Integer capacity, String activityIds, String modes, String address) {
    }

    public record UnavailabilityRow(UUID id, UUID practitionerId, Instant fromAt, Instant toAt, String label) {
    }

    /** An agenda's currency, for {@link #currencies}. */
    public record CurrencyRow(UUID practitionerId, String currency) {
    }

    interface Dao {
        @SqlQuery("""
                SELECT practitioner_id, currency FROM agenda_settings
                WHERE practitioner_id = ANY (string_to_array(:ids, ',')::uuid[])
                """)
        @RegisterConstructorMapper(CurrencyRow.class)
        List<CurrencyRow> currencies(@Bind("ids") String ids);

        @SqlUpdate("""
                INSERT INTO agenda_settings (practitioner_id, zone, spacing_minutes, default_capacity,
                    minimum_notice_minutes, horizon_minutes, confirmation, cancellation_deadline_minutes,
                    clients_may_cancel, clients_may_move, no_show_basis_points, online_payment,
                    payment_window_minutes, waitlist_alerts, currency, first_reminder_minutes, second_reminder_minutes)
                VALUES (:practitionerId, :zone, :spacingMinutes, :defaultCapacity, :minimumNoticeMinutes,
                    :horizonMinutes, :confirmation, :cancellationDeadlineMinutes, :clientsMayCancel, :clientsMayMove,
                    :noShowBasisPoints, :onlinePayment, :paymentWindowMinutes, :waitlistAlerts, :currency,
                    :firstReminderMinutes, :secondReminderMinutes)
                ON CONFLICT (practitioner_id) DO UPDATE SET
                    zone = excluded.zone, spacing_minutes = excluded.spacing_minutes,
                    default_capacity = excluded.default_capacity,
                    minimum_notice_minutes = excluded.minimum_notice_minutes,
                    horizon_minutes = excluded.horizon_minutes, confirmation = excluded.confirmation,
                    cancellation_deadline_minutes = excluded.cancellation_deadline_minutes,
                    clients_may_cancel = excluded.clients_may_cancel, clients_may_move = excluded.clients_may_move,
                    no_show_basis_points = excluded.no_show_basis_points, online_payment = excluded.online_payment,
                    payment_window_minutes = excluded.payment_window_minutes,
                    waitlist_alerts = excluded.waitlist_alerts, currency = excluded.currency,
                    first_reminder_minutes = excluded.first_reminder_minutes,
                    second_reminder_minutes = excluded.second_reminder_minutes
                """)
        void saveSettings(@BindMethods SettingsRow row);

        @SqlUpdate("DELETE FROM booking_form_fields WHERE practitioner_id = :practitionerId")
        void deleteFormFields(@Bind("practitionerId") UUID practitionerId);

        @SqlBatch("""
                INSERT INTO booking_form_fields (practitioner_id, position, field_key, label, required, max_length)
                VALUES (:practitionerId, :position, :fieldKey, :label, :required, :maxLength)
                """)
        void insertFormFields(@BindMethods List<FormFieldRow> rows);

        @SqlQuery("""
                SELECT practitioner_id, zone, spacing_minutes, default_capacity, minimum_notice_minutes,
                    horizon_minutes, confirmation, cancellation_deadline_minutes, clients_may_cancel,
                    clients_may_move, no_show_basis_points, online_payment, payment_window_minutes,
                    waitlist_alerts, currency, first_reminder_minutes, second_reminder_minutes
                FROM agenda_settings WHERE practitioner_id = :practitionerId
                """)
        @RegisterConstructorMapper(SettingsRow.class)
        Optional<SettingsRow> settings(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("""
                SELECT practitioner_id, position, field_key, label, required, max_length
                FROM booking_form_fields WHERE practitioner_id = :practitionerId ORDER BY position
                """)
        @RegisterConstructorMapper(FormFieldRow.class)
        List<FormFieldRow> formFields(@Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("""
                INSERT INTO activities (id, practitioner_id, name, duration_minutes, price_minor, currency, modes, active)
                VALUES (:id, :practitionerId, :name, :durationMinutes, :priceMinor, :currency,
                    string_to_array(:modes, ','), :active)
                ON CONFLICT (id) DO UPDATE SET
                    name = excluded.name, duration_minutes = excluded.duration_minutes,
                    price_minor = excluded.price_minor, currency = excluded.currency, modes = excluded.modes,
                    active = excluded.active
                WHERE activities.practitioner_id = excluded.practitioner_id
                """)
        int saveActivity(@BindMethods ActivityRow row);

        @SqlQuery("""
                SELECT id, practitioner_id, name, duration_minutes, price_minor, currency,
                    array_to_string(modes, ',') AS modes, active
                FROM activities WHERE practitioner_id = :practitionerId AND id = :id
                """)
        @RegisterConstructorMapper(ActivityRow.class)
        Optional<ActivityRow> activity(@Bind("practitionerId") UUID practitionerId, @Bind("id") UUID id);

        @SqlQuery("""
                SELECT id, practitioner_id, name, duration_minutes, price_minor, currency,
                    array_to_string(modes, ',') AS modes, active
                FROM activities WHERE practitioner_id = :practitionerId ORDER BY position
                """)
        @RegisterConstructorMapper(ActivityRow.class)
        List<ActivityRow> activities(@Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("""
                INSERT INTO openings (id, practitioner_id, weekday, valid_from, valid_until, skipped_dates, on_date,
                    start_time, end_time, step_minutes, capacity, activity_ids, modes, address)
                VALUES (:id, :practitionerId, :weekday, :validFrom, :validUntil,
                    string_to_array(:skippedDates, ',')::date[], :onDate, :startTime, :endTime, :stepMinutes,
                    :capacity, string_to_array(:activityIds, ',')::uuid[], string_to_array(:modes, ','), :address)
                ON CONFLICT (id) DO UPDATE SET
                    weekday = excluded.weekday, valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                    skipped_dates = excluded.skipped_dates, on_date = excluded.on_date,
                    start_time = excluded.start_time, end_time = excluded.end_time,
                    step_minutes = excluded.step_minutes, capacity = excluded.capacity,
                    activity_ids = excluded.activity_ids, modes = excluded.modes, address = excluded.address
                WHERE openings.practitioner_id = excluded.practitioner_id
                """)
        int saveOpening(@BindMethods OpeningRow row);

        @SqlQuery("""
                SELECT id, practitioner_id, weekday, valid_from, valid_until,
                    array_to_string(skipped_dates, ',') AS skipped_dates, on_date, start_time, end_time,
                    step_minutes, capacity, array_to_string(activity_ids, ',') AS activity_ids,
                    array_to_string(modes, ',') AS modes, address
                FROM openings WHERE practitioner_id = :practitionerId AND id = :id
                """)
        @RegisterConstructorMapper(OpeningRow.class)
        Optional<OpeningRow> opening(@Bind("practitionerId") UUID practitionerId, @Bind("id") UUID id);

        @SqlQuery("""
                SELECT id, practitioner_id, weekday, valid_from, valid_until,
                    array_to_string(skipped_dates, ',') AS skipped_dates, on_date, start_time, end_time,
                    step_minutes, capacity, array_to_string(activity_ids, ',') AS activity_ids,
                    array_to_string(modes, ',') AS modes, address
                FROM openings WHERE practitioner_id = :practitionerId ORDER BY position
                """)
        @RegisterConstructorMapper(OpeningRow.class)
        List<OpeningRow> openings(@Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("DELETE FROM openings WHERE practitioner_id = :practitionerId AND id = :id")
        int deleteOpening(@Bind("practitionerId") UUID practitionerId, @Bind("id") UUID id);

        @SqlUpdate("""
                INSERT INTO unavailabilities (id, practitioner_id, from_at, to_at, label)
                VALUES (:id, :practitionerId, :fromAt, :toAt, :label)
                ON CONFLICT (id) DO UPDATE SET from_at = excluded.from_at, to_at = excluded.to_at, label = excluded.label
                WHERE unavailabilities.practitioner_id = excluded.practitioner_id
                """)
        int saveUnavailability(@BindMethods UnavailabilityRow row);

        @SqlQuery("""
                SELECT id, practitioner_id, from_at, to_at, label
                FROM unavailabilities
                WHERE practitioner_id = :practitionerId AND from_at < :to AND to_at > :from
                ORDER BY from_at, id
                """)
        @RegisterConstructorMapper(UnavailabilityRow.class)
        List<UnavailabilityRow> unavailabilities(@Bind("practitionerId") UUID practitionerId,
                                                 @Bind("from") Instant from, @Bind("to") Instant to);

        @SqlUpdate("DELETE FROM unavailabilities WHERE practitioner_id = :practitionerId AND id = :id")
        int deleteUnavailability(@Bind("practitionerId") UUID practitionerId, @Bind("id") UUID id);
    }

    private final JdbiTransactions transactions;

    JdbiAgendas(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    private <T> T dao(Function<Dao, T> statements) {
        return transactions.withHandle((Handle h) -> statements.apply(transactions.attach(h, Dao.class)));
    }

    // Settings

    @Override
    public void saveSettings(PractitionerId practitioner, AgendaSettings s) {
        UUID id = practitioner.value();
        SettingsRow row = new SettingsRow(id, s.zone().getId(), minutes(s.spacing()), s.defaultCapacity(),
                minutes(s.minimumNotice()), minutes(s.horizon()), s.confirmation().name(),
                minutes(s.cancellationDeadline()), s.clientsMayCancel(), s.clientsMayMove(),
                s.noShowPercentage().basisPoints(), s.onlinePayment().name(), minutes(s.paymentWindow()),
                s.waitlistAlerts(), s.currency().getCurrencyCode(), minutes(s.firstReminder()),
                minutes(s.secondReminder()));
        List<FormField> fields = s.form().fields();
        List<FormFieldRow> fieldRows = IntStream.range(0, fields.size())
                .mapToObj(i -> new FormFieldRow(id, i, fields.get(i).key(), fields.get(i).label(),
                        fields.get(i).required(), fields.get(i).maxLength()))
                .toList();
        dao(dao -> {
            dao.saveSettings(row);
            dao.deleteFormFields(id);
            if (!fieldRows.isEmpty()) {
                dao.insertFormFields(fieldRows);
            }
            return null;
        });
    }

    @Override
    public Optional<AgendaSettings> settings(PractitionerId practitioner) {
        return dao(dao -> dao.settings(practitioner.value()).map(row -> settings(row,
                dao.formFields(practitioner.value()).stream()
                        .map(f -> new FormField(f.fieldKey(), f.label(), f.required(), f.maxLength())).toList())));
    }

    /** Issue 15: the currencies of a chunk of the payout cycle in one read. */
    @Override
    public java.util.Map<PractitionerId, Currency> currencies(java.util.Collection<PractitionerId> practitioners) {
        java.util.Map<PractitionerId, Currency> found = new java.util.HashMap<>();
        if (practitioners.isEmpty()) {
            return found;
        }
        String ids = SqlArrays.join(practitioners.stream().map(PractitionerId::value).toList());
        for (CurrencyRow row : dao(dao -> dao.currencies(ids))) {
            found.put(new PractitionerId(row.practitionerId()), Currency.getInstance(row.currency().trim()));
        }
        return found;
    }

    private static AgendaSettings settings(SettingsRow row, List<FormField> fields) {
        return new AgendaSettings(ZoneId.of(row.zone()), Duration.ofMinutes(row.spacingMinutes()),
                row.defaultCapacity(), Duration.ofMinutes(row.minimumNoticeMinutes()),
                Duration.ofMinutes(row.horizonMinutes()), ConfirmationMode.valueOf(row.confirmation()),
                Duration.ofMinutes(row.cancellationDeadlineMinutes()), row.clientsMayCancel(),
                row.clientsMayMove(), Percent.ofBasisPoints(row.noShowBasisPoints()),
                OnlinePayment.valueOf(row.onlinePayment()), Duration.ofMinutes(row.paymentWindowMinutes()),
                row.waitlistAlerts(), Currency.getInstance(row.currency()), new BookingForm(fields),
                Duration.ofMinutes(row.firstReminderMinutes()), Duration.ofMinutes(row.secondReminderMinutes()));
    }

    /**
     * Settings, form, the activity and whether the practitioner is suspended, in one statement (issue 15): the
     * suspension is kept for the unit of work, where {@link JdbiOperatorActions#suspended} finds it.
     */
    @Override
    public Optional<SettingsAndActivity> settingsAndActivity(PractitionerId practitioner, ActivityId activity) {
        Optional<Ground> ground = transactions.withHandle(h -> JdbiTransactions.translated(() -> h.createQuery(GROUND)
                .bind("practitionerId", practitioner.value()).bind("activityId", activity.value())
                .map((rows, context) -> ground(rows)).findOne()));
        ground.ifPresent(g -> transactions.memoize(JdbiOperatorActions.suspendedMemo(practitioner), g.suspended()));
        return ground.map(Ground::found);
    }

    private record Ground(SettingsAndActivity found, boolean suspended) {
    }

    private static final String GROUND = """
            SELECT s.practitioner_id, s.zone, s.spacing_minutes, s.default_capacity, s.minimum_notice_minutes,
                s.horizon_minutes, s.confirmation, s.cancellation_deadline_minutes, s.clients_may_cancel,
                s.clients_may_move, s.no_show_basis_points, s.online_payment, s.payment_window_minutes,
                s.waitlist_alerts, s.currency, s.first_reminder_minutes, s.second_reminder_minutes,
                ARRAY(SELECT f.field_key FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id
                      ORDER BY f.position) AS form_keys,
                ARRAY(SELECT f.label FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id
                      ORDER BY f.position) AS form_labels,
                ARRAY(SELECT f.required FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id
                      ORDER BY f.position) AS form_required,
                ARRAY(SELECT f.max_length FROM booking_form_fields f WHERE f.practitioner_id = s.practitioner_id
                      ORDER BY f.position) AS form_max_lengths,
                a.id AS activity_id, a.name AS activity_name, a.duration_minutes, a.price_minor,
                a.currency AS activity_currency, array_to_string(a.modes, ',') AS activity_modes, a.active,
                COALESCE((SELECT o.kind = 'SUSPEND_PRACTITIONER' FROM operator_actions o
                          WHERE o.practitioner_id = s.practitioner_id
                            AND o.kind IN ('SUSPEND_PRACTITIONER', 'REACTIVATE_PRACTITIONER')
                          ORDER BY o.position DESC LIMIT 1), false) AS suspended
            FROM agenda_settings s
            LEFT JOIN activities a ON a.practitioner_id = s.practitioner_id AND a.id = :activityId
            WHERE s.practitioner_id = :practitionerId
            """;

    private static Ground ground(java.sql.ResultSet rows) throws java.sql.SQLException {
        SettingsRow row = new SettingsRow(rows.getObject("practitioner_id", UUID.class), rows.getString("zone"),
                rows.getInt("spacing_minutes"), rows.getInt("default_capacity"), rows.getInt("minimum_notice_minutes"),
                rows.getInt("horizon_minutes"), rows.getString("confirmation"),
                rows.getInt("cancellation_deadline_minutes"), rows.getBoolean("clients_may_cancel"),
                rows.getBoolean("clients_may_move"), rows.getInt("no_show_basis_points"),
                rows.getString("online_payment"), rows.getInt("payment_window_minutes"),
                rows.getBoolean("waitlist_alerts"), rows.getString("currency"), rows.getInt("first_reminder_minutes"),
                rows.getInt("second_reminder_minutes"));
        String[] keys = (String[]) rows.getArray("form_keys").getArray();
        String[] labels = (String[]) rows.getArray("form_labels").getArray();
        Boolean[] required = (Boolean[]) rows.getArray("form_required").getArray();
        Integer[] maxLengths = (Integer[]) rows.getArray("form_max_lengths").getArray();
        List<FormField> fields = IntStream.range(0, keys.length)
                .mapToObj(i -> new FormField(keys[i], labels[i], required[i], maxLengths[i])).toList();
        UUID activityId = rows.getObject("activity_id", UUID.class);
        Optional<Activity> activity = activityId == null ? Optional.empty() : Optional.of(activity(new ActivityRow(
                activityId, row.practitionerId(), rows.getString("activity_name"), rows.getInt("duration_minutes"),
                rows.getLong("price_minor"), rows.getString("activity_currency"), rows.getString("activity_modes"),
                rows.getBoolean("active"))));
        return new Ground(new SettingsAndActivity(settings(row, fields), activity), rows.getBoolean("suspended"));
    }

    // Activities

    @Override
    public void saveActivity(Activity a) {
        ActivityRow row = new ActivityRow(a.id().value(), a.practitionerId().value(), a.name(),
                minutes(a.duration()), a.price().minorUnits(), a.price().currency().getCurrencyCode(),
                SqlArrays.join(a.modes()), a.active());
        if (dao(dao -> dao.saveActivity(row)) == 0) {
            throw new IllegalStateException("activity " + a.id() + " belongs to another practitioner");
        }
    }

    @Override
    public Optional<Activity> activity(PractitionerId practitioner, ActivityId id) {
        return dao(dao -> dao.activity(practitioner.value(), id.value())).map(JdbiAgendas::activity);
    }

    @Override
    public List<Activity> activities(PractitionerId practitioner) {
        return dao(dao -> dao.activities(practitioner.value())).stream().map(JdbiAgendas::activity).toList();
    }

    private static Activity activity(ActivityRow row) {
        return new Activity(new ActivityId(row.id()), new PractitionerId(row.practitionerId()), row.name(),
                Duration.ofMinutes(row.durationMinutes()), new Money(row.priceMinor(), Currency.getInstance(row.currency())),
                modes(row.modes()), row.active());
    }

    // Openings

    @Override
    public void saveOpening(Opening o) {
        Integer weekday = null;
        LocalDate validFrom = null;
        LocalDate validUntil = null;
        String skipped = "";
        LocalDate onDate = null;
        if (o.schedule() instanceof Schedule.Weekly weekly) {
            weekday = weekly.day().getValue();
            validFrom = weekly.validFrom();
            validUntil = weekly.validUntil().orElse(null);
            skipped = SqlArrays.join(weekly.skippedDates());
        } else if (o.schedule() instanceof Schedule.OnDate date) {
            onDate = date.date();
        }
        OpeningRow row = new OpeningRow(o.id().value(), o.practitionerId().value(), weekday, validFrom, validUntil,
                skipped, onDate, o.start(), o.end(), o.step().map(JdbiAgendas::minutes).orElse(null),
                o.capacity().isPresent() ? o.capacity().getAsInt() : null,
                SqlArrays.join(o.activities().stream().map(ActivityId::value).toList()),
                SqlArrays.join(o.place().modes()), o.place().address().orElse(null));
        if (dao(dao -> dao.saveOpening(row)) == 0) {
            throw new IllegalStateException("opening " + o.id() + " belongs to another practitioner");
        }
    }

    @Override
    public Optional<Opening> opening(PractitionerId practitioner, OpeningId id) {
        return dao(dao -> dao.opening(practitioner.value(), id.value())).map(JdbiAgendas::opening);
    }

    @Override
    public List<Opening> openings(PractitionerId practitioner) {
        return dao(dao -> dao.openings(practitioner.value())).stream().map(JdbiAgendas::opening).toList();
    }

    @Override
    public boolean deleteOpening(PractitionerId practitioner, OpeningId id) {
        return dao(dao -> dao.deleteOpening(practitioner.value(), id.value())) > 0;
    }

    private static Opening opening(OpeningRow row) {
        Schedule schedule = row.onDate() != null ? new Schedule.OnDate(row.onDate())
                : new Schedule.Weekly(DayOfWeek.of(row.weekday()), row.validFrom(), Optional.ofNullable(row.validUntil()),
                        SqlArrays.split(row.skippedDates()).stream().map(LocalDate::parse).collect(Collectors.toSet()));
        Set<ActivityId> allowed = SqlArrays.split(row.activityIds()).stream().map(ActivityId::of)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new Opening(new OpeningId(row.id()), new PractitionerId(row.practitionerId()), schedule, row.startTime(),
                row.endTime(), Optional.ofNullable(row.stepMinutes()).map(Duration::ofMinutes),
                row.capacity() == null ? OptionalInt.empty() : OptionalInt.of(row.capacity()), allowed,
                new Place(modes(row.modes()), Optional.ofNullable(row.address())));
    }

    // Unavailabilities

    @Override
    public void saveUnavailability(Unavailability u) {
        UnavailabilityRow row = new UnavailabilityRow(u.id().value(), u.practitionerId().value(), u.from(), u.to(),
                u.label());
        if (dao(dao -> dao.saveUnavailability(row)) == 0) {
            throw new IllegalStateException("unavailability " + u.id() + " belongs to another practitioner");
        }
    }

    @Override
    public List<Unavailability> unavailabilities(PractitionerId practitioner, Instant from, Instant to) {
        return dao(dao -> dao.unavailabilities(practitioner.value(), from, to)).stream()
                .map(row -> new Unavailability(new UnavailabilityId(row.id()), new PractitionerId(row.practitionerId()),
                        row.fromAt(), row.toAt(), row.label()))
                .toList();
    }

    /**
     * Openings and unavailabilities in one statement (issue 15): an agenda snapshot's reads but the bookings'.
     * The busy periods of the practitioner's own calendar ({@code external_busy_times}, issue 14 item 3) come in
     * the same statement, after the unavailabilities, as unavailabilities labelled
     * {@link org.rendezvous.core.calendar.ExternalCalendar#BUSY_LABEL}: no statement is added to the booking path.
     */
    @Override
    public OpeningsAndUnavailabilities openingsAndUnavailabilities(PractitionerId practitioner, Instant from,
                                                                   Instant to) {
        List<OpeningRow> openings = new java.util.ArrayList<>();
        List<UnavailabilityRow> unavailabilities = new java.util.ArrayList<>();
        transactions.withHandle(h -> JdbiTransactions.translated(() -> h.createQuery(OPENINGS_AND_UNAVAILABILITIES)
                .bind("practitionerId", practitioner.value()).bind("from", from).bind("to", to)
                .bind("busyLabel", org.rendezvous.core.calendar.ExternalCalendar.BUSY_LABEL)
                .map((rows, context) -> {
                    UUID id = rows.getObject("id", UUID.class);
                    if ("O".equals(rows.getString("part"))) {
                        openings.add(new OpeningRow(id, practitioner.value(), rows.getObject("weekday", Integer.class),
                                rows.getObject("valid_from", LocalDate.class), rows.getObject("valid_until", LocalDate.class),
                                rows.getString("skipped_dates"), rows.getObject("on_date", LocalDate.class),
                                rows.getObject("start_time", LocalTime.class), rows.getObject("end_time", LocalTime.class),
                                rows.getObject("step_minutes", Integer.class), rows.getObject("capacity", Integer.class),
                                rows.getString("activity_ids"), rows.getString("modes"), rows.getString("address")));
                    } else {
                        unavailabilities.add(new UnavailabilityRow(id, practitioner.value(),
                                rows.getObject("from_at", java.time.OffsetDateTime.class).toInstant(),
                                rows.getObject("to_at", java.time.OffsetDateTime.class).toInstant(),
                                rows.getString("label")));
                    }
                    return id;
                }).list()));
        return new OpeningsAndUnavailabilities(openings.stream().map(JdbiAgendas::opening).toList(),
                unavailabilities.stream().map(row -> new Unavailability(new UnavailabilityId(row.id()),
                        new PractitionerId(row.practitionerId()), row.fromAt(), row.toAt(), row.label())).toList());
    }

    private static final String OPENINGS_AND_UNAVAILABILITIES = """
            SELECT 'O' AS part, position AS ordinal, NULL::timestamptz AS from_at, id, weekday, valid_from,
                valid_until, array_to_string(skipped_dates, ',') AS skipped_dates, on_date, start_time, end_time,
                step_minutes, capacity, array_to_string(activity_ids, ',') AS activity_ids,
                array_to_string(modes, ',') AS modes, address, NULL::timestamptz AS to_at, NULL::text AS label
            FROM openings WHERE practitioner_id = :practitionerId
            UNION ALL
            SELECT 'U', NULL, from_at, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                to_at, label
            FROM unavailabilities WHERE practitioner_id = :practitionerId AND from_at < :to AND to_at > :from
            UNION ALL
            SELECT 'X', NULL, from_at, id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                to_at, :busyLabel
            FROM external_busy_times WHERE practitioner_id = :practitionerId AND from_at < :to AND to_at > :from
            ORDER BY part, ordinal, from_at, id
            """;

    @Override
    public boolean deleteUnavailability(PractitionerId practitioner, UnavailabilityId id) {
        return dao(dao -> dao.deleteUnavailability(practitioner.value(), id.value())) > 0;
    }

    // Conversions

    private static Set<ConsultationMode> modes(String joined) {
        Set<ConsultationMode> modes = EnumSet.noneOf(ConsultationMode.class);
        SqlArrays.split(joined).forEach(m -> modes.add(ConsultationMode.valueOf(m)));
        return modes;
    }

    /** The agenda's durations are whole minutes by construction (AG-2, AG-3, AgendaSettings). */
    private static int minutes(Duration duration) {
        if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
            throw new IllegalArgumentException("duration: whole minutes only, was " + duration);
        }
        return Math.toIntExact(duration.toMinutes());
    }
}
