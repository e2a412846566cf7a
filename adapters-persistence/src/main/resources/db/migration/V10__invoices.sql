-- Invoices and credit notes (INV-1), the practitioner's invoicing set-up, and payments taken on site
-- (INV-2). New tables only: nothing that exists is altered or locked, so this runs on a live database.

-- One per practitioner who recorded a legal identity. Images are JPEG/PNG as InvoiceImage read them
-- from their bytes, at most 512 KiB.
CREATE TABLE invoicing_profiles (
    practitioner_id        uuid     PRIMARY KEY REFERENCES practitioners (id),
    legal_name             text     NOT NULL CHECK (length(legal_name) BETWEEN 1 AND 120),
    individual_entrepreneur boolean NOT NULL,
    street                 text     NOT NULL,
    postcode               text     NOT NULL,
    city                   text     NOT NULL,
    country_code           char(2)  NOT NULL,
    siret                  char(14),
    vat_number             text,
    vat_exemption_mention  text,
    vat_default_rate_bp    integer  NOT NULL CHECK (vat_default_rate_bp BETWEEN 0 AND 10000),
    payment_days           integer  NOT NULL CHECK (payment_days BETWEEN 0 AND 60),
    payment_note           text,
    auto_issue             text     NOT NULL CHECK (auto_issue IN ('NEVER', 'WHEN_PAID', 'WHEN_COMPLETED')),
    logo_type              text     CHECK (logo_type IN ('image/jpeg', 'image/png')),
    logo                   bytea    CHECK (octet_length(logo) BETWEEN 1 AND 524288),
    signature_type         text     CHECK (signature_type IN ('image/jpeg', 'image/png')),
    signature              bytea    CHECK (octet_length(signature) BETWEEN 1 AND 524288),
    CHECK ((logo IS NULL) = (logo_type IS NULL)),
    CHECK ((signature IS NULL) = (signature_type IS NULL))
);

-- The last number given in each practitioner's year. Issuing takes the next one with an upsert that
-- locks this row until the issuing transaction ends: concurrent issues (from any instance) wait for
-- each other, and a rollback gives the number back, so the sequence has no gap.
CREATE TABLE invoice_sequences (
    practitioner_id uuid    NOT NULL REFERENCES practitioners (id),
    year            integer NOT NULL CHECK (year BETWEEN 2000 AND 9999),
    last_sequence   integer NOT NULL CHECK (last_sequence >= 1),
    PRIMARY KEY (practitioner_id, year)
);

-- Drafts (no number) and issued invoices and credit notes (number, dates, and a copy of the seller's
-- identity at issue). A number is given once per practitioner (invoices_one_per_number), an invoice
-- has at most one credit note (invoices_one_credit_note), and an issued row never changes nor goes
-- (invoices_issued_never_change).
CREATE TABLE invoices (
    id                 uuid        PRIMARY KEY,
    practitioner_id    uuid        NOT NULL REFERENCES practitioners (id),
    kind               text        NOT NULL CHECK (kind IN ('INVOICE', 'CREDIT_NOTE')),
    credited_id        uuid        REFERENCES invoices (id),
    booking_id         uuid,
    buyer_name         text        NOT NULL,
    buyer_email        text,
    buyer_address      text,
    buyer_professional boolean     NOT NULL,
    service_date       date        NOT NULL,
    language           text        NOT NULL CHECK (language IN ('FRENCH', 'ENGLISH')),
    currency           char(3)     NOT NULL,
    created_at         timestamptz NOT NULL,
    version            bigint      NOT NULL,
    number_year        integer,
    number_sequence    integer     CHECK (number_sequence >= 1),
    issue_date         date,
    due_date           date,
    issued_at          timestamptz,
    credited_year      integer,
    credited_sequence  integer,
    seller_legal_name  text,
    seller_individual_entrepreneur boolean,
    seller_street      text,
    seller_postcode    text,
    seller_city        text,
    seller_country_code char(2),
    seller_siret       char(14),
    seller_vat_number  text,
    seller_vat_exemption_mention text,
    seller_vat_default_rate_bp integer,
    seller_payment_days integer,
    seller_payment_note text,
    CONSTRAINT invoices_one_per_number UNIQUE (practitioner_id, number_year, number_sequence),
    CONSTRAINT invoices_one_credit_note UNIQUE (credited_id),
    CHECK ((kind = 'CREDIT_NOTE') = (credited_id IS NOT NULL)),
    CHECK ((number_sequence IS NULL) = (issued_at IS NULL) AND (number_sequence IS NULL) = (seller_legal_name IS NULL)
        AND (number_sequence IS NULL) = (number_year IS NULL) AND (number_sequence IS NULL) = (issue_date IS NULL))
);
CREATE INDEX invoices_by_practitioner ON invoices (practitioner_id, created_at DESC);
CREATE INDEX invoices_by_issue_date ON invoices (practitioner_id, issue_date) WHERE issue_date IS NOT NULL;
CREATE INDEX invoices_by_booking ON invoices (booking_id) WHERE booking_id IS NOT NULL;

CREATE TABLE invoice_lines (
    invoice_id       uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    position         smallint      NOT NULL CHECK (position >= 0),
    description      text          NOT NULL,
    quantity         numeric(9, 2) NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint        NOT NULL CHECK (unit_price_minor >= 0),
    vat_rate_bp      integer       NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
    PRIMARY KEY (invoice_id, position)
);

-- The PDF of an issued invoice, as first rendered.
CREATE TABLE invoice_documents (
    invoice_id uuid  PRIMARY KEY REFERENCES invoices (id),
    pdf        bytea NOT NULL
);

CREATE FUNCTION issued_invoice_never_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.number_sequence IS NOT NULL THEN
        RAISE EXCEPTION 'invoice % is issued: % refused', OLD.id, TG_OP USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE FUNCTION issued_invoice_lines_never_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM invoices WHERE id = OLD.invoice_id AND number_sequence IS NOT NULL) THEN
        RAISE EXCEPTION 'invoice % is issued: % of a line refused', OLD.invoice_id, TG_OP
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END
$$;
CREATE TRIGGER invoices_issued_never_change BEFORE UPDATE OR DELETE ON invoices
    FOR EACH ROW EXECUTE FUNCTION issued_invoice_never_changes();
CREATE TRIGGER invoice_lines_issued_never_change BEFORE UPDATE OR DELETE ON invoice_lines
    FOR EACH ROW EXECUTE FUNCTION issued_invoice_lines_never_change();

-- INV-2: what a client paid the practitioner on site (cash, card, cheque, transfer) for a booking.
CREATE TABLE on_site_payments (
    id              uuid        PRIMARY KEY,
    practitioner_id uuid        NOT NULL REFERENCES practitioners (id),
    booking_id      uuid        NOT NULL REFERENCES bookings (id),
    method          text        NOT NULL CHECK (method IN ('CASH', 'CARD', 'CHEQUE', 'TRANSFER')),
    amount_minor    bigint      NOT NULL CHECK (amount_minor > 0),
    currency        char(3)     NOT NULL,
    paid_on         date        NOT NULL,
    recorded_at     timestamptz NOT NULL
);
CREATE INDEX on_site_payments_by_day ON on_site_payments (practitioner_id, paid_on);
CREATE INDEX on_site_payments_by_booking ON on_site_payments (booking_id);
