-- The reference filter is a range in byte order (reference >= prefix AND reference < the next prefix, both in the "C"
-- collation) rather than LIKE 'prefix%': a LIKE with a bound parameter can use an index only in a plan made for that
-- value, and PostgreSQL switches a statement prepared often to a generic plan. References are ASCII letters, digits
-- and '-', so the next prefix is the prefix with its last character moved up by one.
DROP INDEX contact_reference_prefix;
CREATE INDEX contact_reference_prefix ON contact ((reference COLLATE "C"), received_at DESC);
