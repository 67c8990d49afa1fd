-- 006: the board's allocation scenarios and its decision (issue 6); see
-- docs/bestuur.md.
--
-- verdeelscenario: one computed scenario of the board for a round: its
-- parameters as used (the scenario object of docs/verdeling.md §2, with
-- the defaults filled in), the candidates it was computed over (the
-- positively assessed applications, as JSON) and the solver's JSON
-- output, with the input hash, the seed and the rule version that make it
-- reproducible, and the ids of every positively assessed application at
-- that moment (positief_ids: also those that ask no money). Never changed
-- or removed (triggers): a different view is a new scenario.
-- bestuursbesluit: the board's one final decision on a round's total,
-- adopting one scenario (UNIQUE ronde_id). toekenning: what that decision
-- grants per application and year; the ledger reservations
-- toekenning/<aanvraag>/<jaar> are booked in the same transaction. Both
-- never change.
-- @common
CREATE TABLE verdeelscenario (
	id @ID@,
	ronde_id BIGINT NOT NULL REFERENCES indieningsronde (id),
	naam TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 64),
	regel TEXT NOT NULL CHECK (regel IN ('pro_rata', 'rangorde', 'optimaal')),
	parameters TEXT NOT NULL,
	resultaat TEXT NOT NULL,
	invoer_hash TEXT NOT NULL CHECK (length(invoer_hash) = 64),
	seed TEXT NOT NULL,
	regelversie TEXT NOT NULL,
	aangemaakt_op TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL,
	kandidaten TEXT NOT NULL,
	kandidaten_hash TEXT NOT NULL CHECK (length(kandidaten_hash) = 64),
	kandidaat_aantal INTEGER NOT NULL CHECK (kandidaat_aantal >= 0),
	fte_milli BIGINT NOT NULL,
	besteed_cent BIGINT NOT NULL,
	demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	positief_ids TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX verdeelscenario_ronde ON verdeelscenario (ronde_id, id);

CREATE TABLE bestuursbesluit (
	id @ID@,
	ronde_id BIGINT NOT NULL UNIQUE REFERENCES indieningsronde (id),
	scenario_id BIGINT NOT NULL REFERENCES verdeelscenario (id),
	motivering TEXT NOT NULL CHECK (length(motivering) BETWEEN 1 AND 20000),
	genomen_op TEXT NOT NULL,
	genomen_door TEXT NOT NULL,
	toegekend_cent BIGINT NOT NULL DEFAULT 0 CHECK (toegekend_cent >= 0),
	aanvraag_aantal INTEGER NOT NULL DEFAULT 0 CHECK (aanvraag_aantal >= 0)
);

CREATE TABLE toekenning (
	besluit_id BIGINT NOT NULL REFERENCES bestuursbesluit (id),
	aanvraag_id BIGINT NOT NULL REFERENCES aanvraag (id),
	thema TEXT NOT NULL,
	jaar INTEGER NOT NULL,
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent > 0),
	PRIMARY KEY (aanvraag_id, jaar)
);
CREATE INDEX toekenning_besluit ON toekenning (besluit_id, aanvraag_id, jaar);
-- @sqlite
CREATE TRIGGER verdeelscenario_onveranderlijk BEFORE UPDATE ON verdeelscenario
BEGIN SELECT RAISE(ABORT, 'een verdeelscenario verandert niet; reken een nieuw scenario door'); END;
CREATE TRIGGER verdeelscenario_blijft BEFORE DELETE ON verdeelscenario
BEGIN SELECT RAISE(ABORT, 'een verdeelscenario verandert niet; reken een nieuw scenario door'); END;
CREATE TRIGGER bestuursbesluit_onveranderlijk BEFORE UPDATE ON bestuursbesluit
BEGIN SELECT RAISE(ABORT, 'een bestuursbesluit verandert niet'); END;
CREATE TRIGGER bestuursbesluit_blijft BEFORE DELETE ON bestuursbesluit
BEGIN SELECT RAISE(ABORT, 'een bestuursbesluit verandert niet'); END;
CREATE TRIGGER toekenning_onveranderlijk BEFORE UPDATE ON toekenning
BEGIN SELECT RAISE(ABORT, 'een toekenning verandert niet'); END;
CREATE TRIGGER toekenning_blijft BEFORE DELETE ON toekenning
BEGIN SELECT RAISE(ABORT, 'een toekenning verandert niet'); END;
-- @postgres
CREATE FUNCTION verdeling_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een verdeelscenario, bestuursbesluit of toekenning verandert niet';
END
$$;
CREATE TRIGGER verdeelscenario_onveranderlijk BEFORE UPDATE OR DELETE ON verdeelscenario
	FOR EACH ROW EXECUTE FUNCTION verdeling_onveranderlijk();
CREATE TRIGGER bestuursbesluit_onveranderlijk BEFORE UPDATE OR DELETE ON bestuursbesluit
	FOR EACH ROW EXECUTE FUNCTION verdeling_onveranderlijk();
CREATE TRIGGER toekenning_onveranderlijk BEFORE UPDATE OR DELETE ON toekenning
	FOR EACH ROW EXECUTE FUNCTION verdeling_onveranderlijk();
-- PostgreSQL row triggers do not fire on TRUNCATE.
CREATE TRIGGER verdeelscenario_niet_legen BEFORE TRUNCATE ON verdeelscenario
	FOR EACH STATEMENT EXECUTE FUNCTION verdeling_onveranderlijk();
CREATE TRIGGER bestuursbesluit_niet_legen BEFORE TRUNCATE ON bestuursbesluit
	FOR EACH STATEMENT EXECUTE FUNCTION verdeling_onveranderlijk();
CREATE TRIGGER toekenning_niet_legen BEFORE TRUNCATE ON toekenning
	FOR EACH STATEMENT EXECUTE FUNCTION verdeling_onveranderlijk();
