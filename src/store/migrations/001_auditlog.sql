-- 001: the append-only audit log, one hash chain over all records.
-- Every write of doorbraak adds a record here in the same transaction.
-- volgnummer counts 1, 2, 3 ...; vorige_hash is the hash of the record
-- before (64 zeros for the first), so UNIQUE(vorige_hash) makes a fork of
-- the chain impossible even under concurrent writers.
-- @common
CREATE TABLE auditlog (
	volgnummer BIGINT PRIMARY KEY CHECK (volgnummer > 0),
	tijdstip TEXT NOT NULL,
	actor TEXT NOT NULL,
	actie TEXT NOT NULL,
	object TEXT NOT NULL,
	resultaat TEXT NOT NULL,
	detail TEXT NOT NULL,
	vorige_hash TEXT NOT NULL UNIQUE,
	hash TEXT NOT NULL UNIQUE
);
-- @sqlite
CREATE TRIGGER auditlog_geen_wijziging BEFORE UPDATE ON auditlog
BEGIN SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld'); END;
CREATE TRIGGER auditlog_geen_verwijdering BEFORE DELETE ON auditlog
BEGIN SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld'); END;
-- @postgres
CREATE FUNCTION auditlog_alleen_aanvullen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'het auditlog kan alleen worden aangevuld' USING ERRCODE = '23000';
END
$$;
CREATE TRIGGER auditlog_geen_wijziging BEFORE UPDATE OR DELETE ON auditlog
	FOR EACH ROW EXECUTE FUNCTION auditlog_alleen_aanvullen();
