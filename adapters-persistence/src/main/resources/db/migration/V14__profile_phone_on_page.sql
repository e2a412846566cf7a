-- Issue 14: whether the public page shows the practitioner's contact phone (PAGE-2); off unless they say so.
--
-- One column with a constant default: PostgreSQL 11+ adds it without rewriting the table, and the previous
-- version, which does not know the column, goes on inserting rows that get the default.
ALTER TABLE practitioner_profiles ADD COLUMN phone_on_page boolean NOT NULL DEFAULT false;
