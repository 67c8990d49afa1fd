-- 020: monitoring (issue 17; docs/monitoring.md).
-- monitoring_periode: the reporting periods as data -- the quarters of the
-- fund's spending period 2027-2029 [002 §1, §5a], each with the day by
-- which its report is due (the last day of the month after the quarter: a
-- programme choice, docs/monitoring.md §2).
-- projectvoortgang: a granted project's progress per quarter by its lead
-- [004 "Monitoring en bijsturing"], [DOMAIN §6]; a second report for a
-- period is a new version, the old one stays.
-- signaal_kennisname: the coordinating insurer acknowledges a signal with
-- a note. Nothing here is changed or removed.
-- @common
CREATE TABLE monitoring_periode (
	code TEXT PRIMARY KEY CHECK (length(code) = 7),
	van TEXT NOT NULL,
	tot TEXT NOT NULL,
	inleveren_voor TEXT NOT NULL,
	CHECK (van < tot AND tot < inleveren_voor)
);
INSERT INTO monitoring_periode (code, van, tot, inleveren_voor) VALUES
	('2027-K1', '2027-01-01', '2027-03-31', '2027-04-30'),
	('2027-K2', '2027-04-01', '2027-06-30', '2027-07-31'),
	('2027-K3', '2027-07-01', '2027-09-30', '2027-10-31'),
	('2027-K4', '2027-10-01', '2027-12-31', '2028-01-31'),
	('2028-K1', '2028-01-01', '2028-03-31', '2028-04-30'),
	('2028-K2', '2028-04-01', '2028-06-30', '2028-07-31'),
	('2028-K3', '2028-07-01', '2028-09-30', '2028-10-31'),
	('2028-K4', '2028-10-01', '2028-12-31', '2029-01-31'),
	('2029-K1', '2029-01-01', '2029-03-31', '2029-04-30'),
	('2029-K2', '2029-04-01', '2029-06-30', '2029-07-31'),
	('2029-K3', '2029-07-01', '2029-09-30', '2029-10-31'),
	('2029-K4', '2029-10-01', '2029-12-31', '2030-01-31');

CREATE TABLE projectvoortgang (
	id @ID@,
	beschikking_id BIGINT NOT NULL REFERENCES beschikking (id),
	periode TEXT NOT NULL REFERENCES monitoring_periode (code),
	versie INTEGER NOT NULL CHECK (versie >= 1),
	document TEXT NOT NULL,
	fte_gerealiseerd_milli BIGINT NOT NULL CHECK (fte_gerealiseerd_milli >= 0),
	besteed_cent BIGINT NOT NULL CHECK (besteed_cent >= 0),
	ingediend_op TEXT NOT NULL,
	ingediend_door TEXT NOT NULL,
	UNIQUE (beschikking_id, periode, versie)
);
CREATE INDEX projectvoortgang_periode ON projectvoortgang (periode, beschikking_id);

CREATE TABLE signaal_kennisname (
	id @ID@,
	beschikking_id BIGINT NOT NULL REFERENCES beschikking (id),
	sleutel TEXT NOT NULL CHECK (length(sleutel) BETWEEN 1 AND 200),
	notitie TEXT NOT NULL CHECK (length(notitie) BETWEEN 1 AND 4000),
	genomen_op TEXT NOT NULL,
	genomen_door TEXT NOT NULL
);
CREATE INDEX signaal_kennisname_sleutel ON signaal_kennisname (beschikking_id, sleutel);
-- @sqlite
CREATE TRIGGER projectvoortgang_blijft BEFORE UPDATE ON projectvoortgang
BEGIN SELECT RAISE(ABORT, 'een voortgangsrapportage verandert niet: een nieuwe versie'); END;
CREATE TRIGGER projectvoortgang_weg BEFORE DELETE ON projectvoortgang
BEGIN SELECT RAISE(ABORT, 'een voortgangsrapportage blijft bewaard'); END;
CREATE TRIGGER signaal_kennisname_blijft BEFORE UPDATE ON signaal_kennisname
BEGIN SELECT RAISE(ABORT, 'een kennisname verandert niet'); END;
CREATE TRIGGER signaal_kennisname_weg BEFORE DELETE ON signaal_kennisname
BEGIN SELECT RAISE(ABORT, 'een kennisname blijft bewaard'); END;
-- @postgres
CREATE FUNCTION monitoring_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een voortgangsrapportage of kennisname verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER projectvoortgang_onveranderlijk BEFORE UPDATE OR DELETE ON projectvoortgang
	FOR EACH ROW EXECUTE FUNCTION monitoring_onveranderlijk();
CREATE TRIGGER signaal_kennisname_onveranderlijk BEFORE UPDATE OR DELETE ON signaal_kennisname
	FOR EACH ROW EXECUTE FUNCTION monitoring_onveranderlijk();
