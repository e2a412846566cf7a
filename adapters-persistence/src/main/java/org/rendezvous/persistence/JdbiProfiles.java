package org.rendezvous.persistence;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Profiles;
import org.rendezvous.core.practitioner.Address;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.Slug;

/**
 * Public profiles (PAGE-1, PAGE-2) in {@code practitioner_profiles} and {@code practitioner_addresses},
 * photos (ACC-4) in {@code practitioner_photos}. A slug is claimed by the unique key
 * {@code practitioner_profiles_one_per_slug}: the save checks for an owner first (the common case, no
 * error), and the upsert runs under a savepoint, so that a claim lost to a concurrent transaction is
 * answered {@link Reason#SLUG_TAKEN} and the caller's transaction stays usable.
 */
final class JdbiProfiles implements Profiles {

    private static final String SLUG_KEY = "practitioner_profiles_one_per_slug";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String SAVEPOINT = "profile_slug";

    public record ProfileRow(UUID practitionerId, String slug, String presentation, boolean pageEnabled, boolean hasPhoto,
                             boolean phoneOnPage) {
    }

    public record AddressRow(UUID practitionerId, int position, String label, String address) {
    }

    public record PhotoRow(String mediaType, byte[] bytes) {
    }

    interface Dao {
        @SqlQuery("""
                SELECT p.practitioner_id, p.slug, p.presentation, p.page_enabled, p.phone_on_page,
                    EXISTS (SELECT 1 FROM practitioner_photos f WHERE f.practitioner_id = p.practitioner_id) AS has_photo
                FROM practitioner_profiles p WHERE p.practitioner_id = :id
                """)
        @RegisterConstructorMapper(ProfileRow.class)
        Optional<ProfileRow> find(@Bind("id") UUID id);

        @SqlQuery("SELECT practitioner_id FROM practitioner_profiles WHERE slug = :slug")
        Optional<UUID> owner(@Bind("slug") String slug);

        @SqlQuery("SELECT EXISTS (SELECT 1 FROM practitioner_photos WHERE practitioner_id = :id)")
        boolean hasPhoto(@Bind("id") UUID id);

        @SqlQuery("SELECT page_enabled FROM practitioner_profiles WHERE practitioner_id = :id")
        Optional<Boolean> pageEnabled(@Bind("id") UUID id);

        @SqlQuery("""
                SELECT practitioner_id, position, label, address FROM practitioner_addresses
                WHERE practitioner_id = :id ORDER BY position
                """)
        @RegisterConstructorMapper(AddressRow.class)
        List<AddressRow> addresses(@Bind("id") UUID id);

        @SqlUpdate("""
                INSERT INTO practitioner_profiles (practitioner_id, slug, presentation, page_enabled, phone_on_page)
                VALUES (:practitionerId, :slug, :presentation, :pageEnabled, :phoneOnPage)
                ON CONFLICT (practitioner_id) DO UPDATE
                SET slug = EXCLUDED.slug, presentation = EXCLUDED.presentation, page_enabled = EXCLUDED.page_enabled,
                    phone_on_page = EXCLUDED.phone_on_page
                """)
        void upsert(@BindMethods ProfileRow row);

        @SqlUpdate("DELETE FROM practitioner_addresses WHERE practitioner_id = :id")
        void deleteAddresses(@Bind("id") UUID id);

        @SqlBatch("""
                INSERT INTO practitioner_addresses (practitioner_id, position, label, address)
                VALUES (:practitionerId, :position, :label, :address)
                """)
        void insertAddresses(@BindMethods List<AddressRow> rows);

        @SqlUpdate("""
                INSERT INTO practitioner_photos (practitioner_id, media_type, bytes) VALUES (:id, :mediaType, :bytes)
                ON CONFLICT (practitioner_id) DO UPDATE SET media_type = EXCLUDED.media_type, bytes = EXCLUDED.bytes
                """)
        void savePhoto(@Bind("id") UUID id, @Bind("mediaType") String mediaType, @Bind("bytes") byte[] bytes);

        @SqlQuery("SELECT media_type, bytes FROM practitioner_photos WHERE practitioner_id = :id")
        @RegisterConstructorMapper(PhotoRow.class)
        Optional<PhotoRow> photo(@Bind("id") UUID id);

        @SqlUpdate("DELETE FROM practitioner_photos WHERE practitioner_id = :id")
        void deletePhoto(@Bind("id") UUID id);
    }

    private final JdbiTransactions transactions;

    JdbiProfiles(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    /** One column of one row: asked before every public request, it needs neither addresses nor photo. */
    @Override
    public boolean pageEnabled(PractitionerId practitioner) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).pageEnabled(practitioner.value())).orElse(true);
    }

    @Override
    public Optional<PractitionerProfile> find(PractitionerId practitioner) {
        return transactions.withHandle(h -> read(transactions.attach(h, Dao.class), practitioner.value()));
    }

    @Override
    public Optional<PractitionerProfile> findBySlug(Slug slug) {
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            return dao.owner(slug.value()).flatMap(id -> read(dao, id));
        });
    }

    private static Optional<PractitionerProfile> read(Dao dao, UUID id) {
        return dao.find(id).map(row -> new PractitionerProfile(new PractitionerId(row.practitionerId()),
                Optional.ofNullable(row.slug()).map(Slug::new), row.presentation(),
                dao.addresses(id).stream().map(a -> new Address(Optional.ofNullable(a.label()), a.address())).toList(),
                row.pageEnabled(), row.hasPhoto(), row.phoneOnPage()));
    }

    @Override
    public Outcome<PractitionerProfile> save(PractitionerProfile profile) {
        UUID id = profile.practitioner().value();
        String slug = profile.slug().map(Slug::value).orElse(null);
        return transactions.withHandle(h -> {
            Dao dao = transactions.attach(h, Dao.class);
            if (slug != null && dao.owner(slug).filter(owner -> !owner.equals(id)).isPresent()) {
                return taken(slug);
            }
            if (!claimed(h, dao, new ProfileRow(id, slug, profile.presentation(), profile.pageEnabled(), false,
                    profile.phoneOnPage()))) {
                return taken(slug);
            }
            dao.deleteAddresses(id);
            List<AddressRow> rows = new ArrayList<>();
            for (Address address : profile.addresses()) {
                rows.add(new AddressRow(id, rows.size(), address.label().orElse(null), address.address()));
            }
            if (!rows.isEmpty()) {
                dao.insertAddresses(rows);
            }
            return Outcome.accepted(profile.withPhoto(dao.hasPhoto(id)));
        });
    }

    /** The upsert, under a savepoint: false if a concurrent transaction took the slug first. */
    private static boolean claimed(Handle handle, Dao dao, ProfileRow row) {
        handle.savepoint(SAVEPOINT);
        try {
            dao.upsert(row);
        } catch (JdbiException e) {
            if (!isSlugConflict(e)) {
                throw e;
            }
            handle.rollbackToSavepoint(SAVEPOINT); // JDBI forgets the savepoint with it
            return false;
        }
        handle.releaseSavepoint(SAVEPOINT);
        return true;
    }

    private static boolean isSlugConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(SLUG_KEY)) {
                return true;
            }
        }
        return false;
    }

    private static Outcome<PractitionerProfile> taken(String slug) {
        return Outcome.rejected(Reason.SLUG_TAKEN, "slug: another page has the address \"" + slug + "\"");
    }

    @Override
    public void savePhoto(PractitionerId practitioner, ProfilePhoto photo) {
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).savePhoto(practitioner.value(), photo.mediaType(), photo.bytes());
            return null;
        });
    }

    @Override
    public Optional<ProfilePhoto> findPhoto(PractitionerId practitioner) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).photo(practitioner.value()))
                .map(row -> ProfilePhoto.stored(row.bytes(), row.mediaType()));
    }

    @Override
    public void deletePhoto(PractitionerId practitioner) {
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).deletePhoto(practitioner.value());
            return null;
        });
    }
}
