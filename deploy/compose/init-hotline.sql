-- Run once by the postgres image on an empty data volume (docker-compose.yml mounts it into
-- /docker-entrypoint-initdb.d): the hotline database, then per service one login role and the schema it owns,
-- as local-stack's ServiceSchemas does. The passwords come from the container's environment (psql \getenv), so
-- none is written here; an unset one stops the initialisation (the entrypoint runs psql with ON_ERROR_STOP).
CREATE DATABASE hotline;
\connect hotline

\getenv intake_password INTAKE_DB_PASSWORD
CREATE ROLE intake LOGIN PASSWORD :'intake_password';
CREATE SCHEMA intake AUTHORIZATION intake;
REVOKE ALL ON SCHEMA public FROM intake;

\getenv routing_password ROUTING_DB_PASSWORD
CREATE ROLE routing LOGIN PASSWORD :'routing_password';
CREATE SCHEMA routing AUTHORIZATION routing;
REVOKE ALL ON SCHEMA public FROM routing;

\getenv directory_password DIRECTORY_DB_PASSWORD
CREATE ROLE directory LOGIN PASSWORD :'directory_password';
CREATE SCHEMA directory AUTHORIZATION directory;
REVOKE ALL ON SCHEMA public FROM directory;

\getenv followup_password FOLLOWUP_DB_PASSWORD
CREATE ROLE followup LOGIN PASSWORD :'followup_password';
CREATE SCHEMA followup AUTHORIZATION followup;
REVOKE ALL ON SCHEMA public FROM followup;

-- The audit trail of reads of personal data, owned by audit_owner; intake may only append and read
-- (local-stack/src/main/resources/db/audit-trail.sql, the same file the local run uses).
\i /docker-entrypoint-initdb.d/hotline/audit-trail.sql
