-- 004: the budget ledger (grootboek), issue 7; see docs/grootboek.md.
-- grootboek_rekening: one account per pot, theme, year, project, insurer
-- ...; its four balances are updated in the same transaction as the
-- entries that move them. Only the balances ever change (triggers).
-- grootboek_boeking: immutable entries, one row each; a correction is a
-- new entry. sleutel is the idempotency key of the business event;
-- reservering_id is UNIQUE, so a reservation is posted or voided at most
-- once even if the code above were wrong. keten is the key of the first
-- entry of a linked chain. The CHECKs repeat the rules the code enforces:
-- [001 §3] a capped account never goes below zero.
-- @common
CREATE TABLE grootboek_rekening (
	id @ID@,
	code TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 64),
	naam TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
	soort TEXT NOT NULL CHECK (soort IN ('bron', 'pot', 'thema', 'jaar', 'project',
		'verzekeraar', 'overig')),
	vlaggen INTEGER NOT NULL CHECK (vlaggen IN (0, 1, 2)),
	debet_geboekt_cent BIGINT NOT NULL DEFAULT 0 CHECK (debet_geboekt_cent >= 0),
	credit_geboekt_cent BIGINT NOT NULL DEFAULT 0 CHECK (credit_geboekt_cent >= 0),
	debet_gereserveerd_cent BIGINT NOT NULL DEFAULT 0 CHECK (debet_gereserveerd_cent >= 0),
	credit_gereserveerd_cent BIGINT NOT NULL DEFAULT 0 CHECK (credit_gereserveerd_cent >= 0),
	aangemaakt_op TEXT NOT NULL,
	CHECK (vlaggen <> 1 OR debet_geboekt_cent + debet_gereserveerd_cent <= credit_geboekt_cent),
	CHECK (vlaggen <> 2 OR credit_geboekt_cent + credit_gereserveerd_cent <= debet_geboekt_cent)
);

CREATE TABLE grootboek_boeking (
	id @ID@,
	sleutel TEXT NOT NULL UNIQUE CHECK (length(sleutel) BETWEEN 1 AND 200),
	soort TEXT NOT NULL CHECK (soort IN ('direct', 'reservering', 'boeking_van_reservering',
		'vrijgave_van_reservering')),
	debet_rekening BIGINT NOT NULL REFERENCES grootboek_rekening (id),
	credit_rekening BIGINT NOT NULL REFERENCES grootboek_rekening (id),
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent > 0),
	reservering_id BIGINT UNIQUE REFERENCES grootboek_boeking (id),
	code TEXT NOT NULL,
	omschrijving TEXT NOT NULL,
	tijdstip TEXT NOT NULL,
	keten TEXT,
	CHECK (debet_rekening <> credit_rekening),
	CHECK ((soort IN ('direct', 'reservering')) = (reservering_id IS NULL))
);
CREATE INDEX grootboek_boeking_debet ON grootboek_boeking (debet_rekening, id);
CREATE INDEX grootboek_boeking_credit ON grootboek_boeking (credit_rekening, id);
CREATE INDEX grootboek_boeking_keten ON grootboek_boeking (keten);
-- @sqlite
CREATE TRIGGER grootboek_rekening_vast BEFORE UPDATE OF id, code, naam, soort, vlaggen,
	aangemaakt_op ON grootboek_rekening
BEGIN SELECT RAISE(ABORT, 'van een grootboekrekening veranderen alleen de saldi'); END;
CREATE TRIGGER grootboek_rekening_blijft BEFORE DELETE ON grootboek_rekening
BEGIN SELECT RAISE(ABORT, 'een grootboekrekening blijft bestaan'); END;
CREATE TRIGGER grootboek_boeking_onveranderlijk BEFORE UPDATE ON grootboek_boeking
BEGIN SELECT RAISE(ABORT, 'een boeking verandert niet; corrigeer met een nieuwe boeking'); END;
CREATE TRIGGER grootboek_boeking_blijft BEFORE DELETE ON grootboek_boeking
BEGIN SELECT RAISE(ABORT, 'een boeking verandert niet; corrigeer met een nieuwe boeking'); END;
-- @postgres
CREATE FUNCTION grootboek_rekening_alleen_saldi() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.code <> OLD.code OR NEW.naam <> OLD.naam
	   OR NEW.soort <> OLD.soort OR NEW.vlaggen <> OLD.vlaggen
	   OR NEW.aangemaakt_op <> OLD.aangemaakt_op THEN
		RAISE EXCEPTION 'van een grootboekrekening veranderen alleen de saldi';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER grootboek_rekening_vast BEFORE UPDATE OR DELETE ON grootboek_rekening
	FOR EACH ROW EXECUTE FUNCTION grootboek_rekening_alleen_saldi();
CREATE FUNCTION grootboek_boeking_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een boeking verandert niet; corrigeer met een nieuwe boeking';
END
$$;
CREATE TRIGGER grootboek_boeking_onveranderlijk BEFORE UPDATE OR DELETE ON grootboek_boeking
	FOR EACH ROW EXECUTE FUNCTION grootboek_boeking_onveranderlijk();
-- PostgreSQL row triggers do not fire on TRUNCATE.
CREATE TRIGGER grootboek_boeking_niet_legen BEFORE TRUNCATE ON grootboek_boeking
	FOR EACH STATEMENT EXECUTE FUNCTION grootboek_boeking_onveranderlijk();
CREATE TRIGGER grootboek_rekening_niet_legen BEFORE TRUNCATE ON grootboek_rekening
	FOR EACH STATEMENT EXECUTE FUNCTION grootboek_boeking_onveranderlijk();
