-- The audit log is append-only in the database itself, not only in the data layer: no UPDATE,
-- no DELETE, whoever connects. (Prisma's schema has no notion of triggers: this is hand-written.
-- A migration that rebuilds "AuditEvent" drops them; a test checks they are still there.)
CREATE TRIGGER "AuditEvent_no_update" BEFORE UPDATE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;

CREATE TRIGGER "AuditEvent_no_delete" BEFORE DELETE ON "AuditEvent"
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
