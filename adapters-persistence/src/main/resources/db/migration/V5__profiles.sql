-- Practitioners' public page (PAGE-1, PAGE-2) and profile photo (ACC-4).
--
-- New tables only: nothing that exists is altered or locked, so this runs on a live database while the
-- previous version (which had no profiles) goes on writing. A practitioner without a row here has the
-- initial profile: no slug, page enabled, no photo.

-- One per practitioner who edited their profile. The slug's uniqueness is the unique key
-- practitioner_profiles_one_per_slug: of two practitioners claiming one slug at once, the second insert
-- waits for the first's transaction and then fails on it, which JdbiProfiles answers as SLUG_TAKEN
-- (NULLs do not conflict: any number of profiles may have no slug).
CREATE TABLE practitioner_profiles (
    practitioner_id uuid    PRIMARY KEY REFERENCES practitioners (id),
    slug            text    CHECK (length(slug) BETWEEN 3 AND 60 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    presentation    text    NOT NULL CHECK (length(presentation) <= 4000),
    page_enabled    boolean NOT NULL,
    CONSTRAINT practitioner_profiles_one_per_slug UNIQUE (slug)
);

-- The addresses a page shows, in the practitioner's order.
CREATE TABLE practitioner_addresses (
    practitioner_id uuid     NOT NULL REFERENCES practitioner_profiles (practitioner_id),
    position        smallint NOT NULL CHECK (position >= 0),
    label           text     CHECK (length(label) BETWEEN 1 AND 80),
    address         text     NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
    PRIMARY KEY (practitioner_id, position)
);

-- The photo in a table of its own, so that reading a profile (every public page view) does not read up
-- to 2 MB. The media type was read from the bytes by the domain (ProfilePhoto), never from the upload.
CREATE TABLE practitioner_photos (
    practitioner_id uuid  PRIMARY KEY REFERENCES practitioner_profiles (practitioner_id),
    media_type      text  NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png')),
    bytes           bytea NOT NULL CHECK (octet_length(bytes) BETWEEN 1 AND 2097152)
);
