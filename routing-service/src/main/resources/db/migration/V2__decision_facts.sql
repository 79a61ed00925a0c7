-- The facts a decision was made on, so information added later (an anonymous reporter's message) can re-assess it.
ALTER TABLE decision ADD COLUMN facts JSONB;
