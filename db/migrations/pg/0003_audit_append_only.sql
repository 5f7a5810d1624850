-- The audit log is append-only (DESIGN.md): refuse UPDATE and DELETE at the database too,
-- so not even a mistaken query or a manual session can rewrite history.
CREATE OR REPLACE FUNCTION factdesk_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION factdesk_audit_append_only();
