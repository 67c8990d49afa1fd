-- 012: the accountability of a project per year (issue 15; docs/verantwoording.md).
-- verantwoordingskader: the programme office's data per year for the
-- rules (tolerance, threshold of the accountant's statement, deadline).
-- verantwoording: what the lead submitted for a beschikking and a year,
-- with the findings of the rules at that moment; one per year (a request
-- for information will add versions). Never changed or removed.
-- @common
CREATE TABLE verantwoordingskader (
	jaar INTEGER PRIMARY KEY CHECK (jaar BETWEEN 2000 AND 2100),
	tolerantie_bp INTEGER NOT NULL CHECK (tolerantie_bp BETWEEN 0 AND 10000),
	accountant_vanaf_cent BIGINT NOT NULL CHECK (accountant_vanaf_cent >= 0),
	deadline TEXT NOT NULL,
	deadline_us BIGINT NOT NULL,
	vastgesteld_op TEXT NOT NULL,
	vastgesteld_door TEXT NOT NULL
);

CREATE TABLE verantwoording (
	id @ID@,
	beschikking_id BIGINT NOT NULL REFERENCES beschikking (id),
	jaar INTEGER NOT NULL,
	versie INTEGER NOT NULL CHECK (versie >= 1),
	document TEXT NOT NULL,
	bevindingen TEXT NOT NULL,
	compleet INTEGER NOT NULL CHECK (compleet IN (0, 1)),
	totaal_cent BIGINT NOT NULL CHECK (totaal_cent >= 0),
	aanvaardbaar_cent BIGINT NOT NULL CHECK (aanvaardbaar_cent >= 0),
	te_laat INTEGER NOT NULL CHECK (te_laat IN (0, 1)),
	ingediend_op TEXT NOT NULL,
	ingediend_door TEXT NOT NULL,
	UNIQUE (beschikking_id, jaar, versie)
);
-- @sqlite
CREATE TRIGGER verantwoording_onveranderlijk BEFORE UPDATE ON verantwoording
BEGIN SELECT RAISE(ABORT, 'een ingediende verantwoording verandert niet'); END;
CREATE TRIGGER verantwoording_blijft BEFORE DELETE ON verantwoording
BEGIN SELECT RAISE(ABORT, 'een ingediende verantwoording blijft bewaard'); END;
-- @postgres
CREATE FUNCTION verantwoording_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een ingediende verantwoording verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER verantwoording_onveranderlijk BEFORE UPDATE OR DELETE ON verantwoording
	FOR EACH ROW EXECUTE FUNCTION verantwoording_onveranderlijk();
