-- Where an imported organisation or service came from: the dataset's publisher (its URL or the name an administrator
-- gave it) and the record's own id there. NULL for records made in the directory itself (the API, the seed, the
-- generator) or imported from the directory's own HSDS export, whose ids are the directory's.
ALTER TABLE organization ADD COLUMN source TEXT, ADD COLUMN source_id TEXT;
ALTER TABLE service ADD COLUMN source TEXT, ADD COLUMN source_id TEXT;
ALTER TABLE organization ADD CONSTRAINT organization_source_complete CHECK ((source IS NULL) = (source_id IS NULL));
ALTER TABLE service ADD CONSTRAINT service_source_complete CHECK ((source IS NULL) = (source_id IS NULL));
-- A record of a dataset is one row of the directory, whatever id the directory gave it.
CREATE UNIQUE INDEX organization_source_record ON organization (source, source_id) WHERE source IS NOT NULL;
CREATE UNIQUE INDEX service_source_record ON service (source, source_id) WHERE source IS NOT NULL;
