-- The audit trail of reads of personal data. Provisioned by the database administrator, not by a service's Flyway:
-- the table belongs to audit_owner, a role no service can log in as or act as, so intake's role can append rows
-- (only the who-and-what columns: the id and the time come from the database) and read them, but never change,
-- delete or truncate one. The same statements run in deploy/compose/init-hotline.sql and deploy/base/postgres.
DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_owner') THEN CREATE ROLE audit_owner NOLOGIN; END IF; END $$;
CREATE SCHEMA IF NOT EXISTS audit AUTHORIZATION audit_owner;
CREATE TABLE IF NOT EXISTS audit.personal_data_access (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    service     TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    roles       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    reference   TEXT        NOT NULL
);
ALTER TABLE audit.personal_data_access OWNER TO audit_owner;
CREATE INDEX IF NOT EXISTS personal_data_access_reference ON audit.personal_data_access (reference, occurred_at);
REVOKE ALL ON SCHEMA audit FROM PUBLIC;
REVOKE ALL ON audit.personal_data_access FROM PUBLIC;
GRANT USAGE ON SCHEMA audit TO intake;
GRANT SELECT ON audit.personal_data_access TO intake;
GRANT INSERT (service, actor, roles, action, reference) ON audit.personal_data_access TO intake;
