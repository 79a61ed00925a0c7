-- The resources a decision proposes to send (general information and training requests), read whole with it; NULL for
-- decisions that propose none, and for those made before the library.
ALTER TABLE decision ADD COLUMN resources JSONB;
