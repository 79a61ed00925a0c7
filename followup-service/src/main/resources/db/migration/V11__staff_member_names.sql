-- Who works follow-ups, by name: the staff members this service has seen (their token subject and the display name
-- their token gave, Keycloak's "name" or "preferred_username"), so a supervisor can pick someone to assign and the
-- work list shows a person rather than a subject id. Staff identities only, never a reporter's data.
CREATE TABLE staff_member (
    subject      TEXT PRIMARY KEY,
    display_name TEXT        NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_member_by_name ON staff_member (display_name, subject);

-- The assignee's display name beside the subject, as it was when claimed or assigned (null when the subject was never
-- seen with a name).
ALTER TABLE followup ADD COLUMN assignee_name TEXT;
