-- A PDF attached to a resource, kept in PostgreSQL beside it (size-limited by hotline.directory.resources.max-file-size;
-- only bytes that start as a PDF are accepted). One per resource; uploading again replaces it.
CREATE TABLE resource_file (
    resource_id  UUID        PRIMARY KEY REFERENCES resource (id) ON DELETE CASCADE,
    file_name    TEXT        NOT NULL CHECK (file_name ~ '^[A-Za-z0-9][A-Za-z0-9._ -]{0,119}$'),
    content_type TEXT        NOT NULL CHECK (content_type = 'application/pdf'),
    size_bytes   BIGINT      NOT NULL CHECK (size_bytes > 0),
    sha256       TEXT        NOT NULL,
    content      BYTEA       NOT NULL,
    uploaded_at  TIMESTAMPTZ NOT NULL
);
-- Whether a resource has its file, without reading the file (lists and the public read need only that).
ALTER TABLE resource ADD COLUMN has_file BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE resource ALTER COLUMN has_file DROP DEFAULT;
ALTER TABLE resource ADD CONSTRAINT resource_link_or_file CHECK (NOT (has_file AND url IS NOT NULL));
