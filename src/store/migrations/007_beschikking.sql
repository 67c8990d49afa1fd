-- 007: the joint request to NZa, the beschikking with its upper bound,
-- and the milestones as prestaties (issue 7); see docs/beschikking.md.
-- The board's grants it builds on are table toekenning of 006_verdeling.sql.
--
-- nza_aanvraag: the joint request (tweezijdige aanvraag) of the
-- coordinating insurer and the coalition's lead for one granted
-- application: the proposed upper bound and its split over the years, the
-- declarations and the contract record. Its content is fixed at creation
-- (sha256 over its canonical JSON); the two signatures sign that hash.
-- Only the status changes: ondertekening -> in_behandeling (both signed,
-- taken into treatment by NZa) -> beschikt | afgewezen.
-- beschikking: NZa's decision, granted (with the bovengrens) or refused
-- (with reasons), the findings of the checks and the prestaties it fixes.
-- mijlpaal_melding / mijlpaal_betaling: a milestone reported reached by the
-- lead, and paid once by the insurer (the ledger entry's id is kept).
-- None of the decisions, signatures, reports or payments ever changes.
-- @common
CREATE TABLE nza_aanvraag (
	id @ID@,
	aanvraag_id BIGINT NOT NULL UNIQUE REFERENCES aanvraag (id),
	versie INTEGER NOT NULL CHECK (versie > 0),
	thema TEXT NOT NULL,
	toegekend_cent BIGINT NOT NULL CHECK (toegekend_cent > 0),
	bovengrens_cent BIGINT NOT NULL CHECK (bovengrens_cent > 0 AND bovengrens_cent <= toegekend_cent),
	jaarverdeling TEXT NOT NULL,
	verklaringen TEXT NOT NULL,
	contract_datum TEXT NOT NULL CHECK (length(contract_datum) = 10),
	contract_kenmerk TEXT NOT NULL CHECK (length(contract_kenmerk) BETWEEN 1 AND 200),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	status TEXT NOT NULL CHECK (status IN ('ondertekening', 'in_behandeling', 'beschikt',
		'afgewezen')),
	ingediend_op TEXT,
	aangemaakt_op TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL,
	demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	CHECK ((status = 'ondertekening') = (ingediend_op IS NULL))
);
CREATE INDEX nza_aanvraag_status ON nza_aanvraag (status, thema);

CREATE TABLE nza_ondertekening (
	nza_aanvraag_id BIGINT NOT NULL REFERENCES nza_aanvraag (id),
	partij TEXT NOT NULL CHECK (partij IN ('coordinerend_verzekeraar', 'penvoerder')),
	organisatie_id BIGINT NOT NULL REFERENCES organisatie (id),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	ondertekend_door TEXT NOT NULL,
	ondertekend_op TEXT NOT NULL,
	PRIMARY KEY (nza_aanvraag_id, partij)
);

CREATE TABLE beschikking (
	id @ID@,
	nza_aanvraag_id BIGINT NOT NULL UNIQUE REFERENCES nza_aanvraag (id),
	aanvraag_id BIGINT NOT NULL UNIQUE REFERENCES aanvraag (id),
	kenmerk TEXT NOT NULL UNIQUE,
	besluit TEXT NOT NULL CHECK (besluit IN ('verleend', 'afgewezen')),
	bovengrens_cent BIGINT NOT NULL CHECK (bovengrens_cent >= 0),
	jaarverdeling TEXT NOT NULL,
	motivering TEXT NOT NULL CHECK (length(motivering) BETWEEN 1 AND 20000),
	bevindingen TEXT NOT NULL,
	mijlpalen TEXT NOT NULL,
	genomen_op TEXT NOT NULL,
	genomen_door TEXT NOT NULL,
	CHECK ((besluit = 'verleend') = (bovengrens_cent > 0))
);

CREATE TABLE mijlpaal_melding (
	beschikking_id BIGINT NOT NULL REFERENCES beschikking (id),
	mijlpaal TEXT NOT NULL CHECK (length(mijlpaal) BETWEEN 1 AND 64),
	bewijs TEXT NOT NULL CHECK (length(bewijs) BETWEEN 1 AND 20000),
	kenmerk TEXT,
	gemeld_op TEXT NOT NULL,
	gemeld_door TEXT NOT NULL,
	PRIMARY KEY (beschikking_id, mijlpaal)
);

CREATE TABLE mijlpaal_betaling (
	beschikking_id BIGINT NOT NULL,
	mijlpaal TEXT NOT NULL,
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent > 0),
	jaar INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	boeking_id BIGINT NOT NULL UNIQUE REFERENCES grootboek_boeking (id),
	betaald_op TEXT NOT NULL,
	betaald_door TEXT NOT NULL,
	PRIMARY KEY (beschikking_id, mijlpaal),
	FOREIGN KEY (beschikking_id, mijlpaal) REFERENCES mijlpaal_melding (beschikking_id, mijlpaal)
);
-- @sqlite
CREATE TRIGGER nza_aanvraag_vast BEFORE UPDATE OF id, aanvraag_id, versie, thema, toegekend_cent,
	bovengrens_cent, jaarverdeling, verklaringen, contract_datum, contract_kenmerk, sha256,
	aangemaakt_op, aangemaakt_door ON nza_aanvraag
BEGIN SELECT RAISE(ABORT, 'van een tweezijdige aanvraag verandert alleen de status'); END;
CREATE TRIGGER nza_aanvraag_blijft BEFORE DELETE ON nza_aanvraag
BEGIN SELECT RAISE(ABORT, 'een tweezijdige aanvraag wordt niet verwijderd'); END;
CREATE TRIGGER nza_ondertekening_onveranderlijk BEFORE UPDATE ON nza_ondertekening
BEGIN SELECT RAISE(ABORT, 'een ondertekening verandert niet'); END;
CREATE TRIGGER nza_ondertekening_blijft BEFORE DELETE ON nza_ondertekening
BEGIN SELECT RAISE(ABORT, 'een ondertekening verandert niet'); END;
CREATE TRIGGER beschikking_onveranderlijk BEFORE UPDATE ON beschikking
BEGIN SELECT RAISE(ABORT, 'een beschikking verandert niet'); END;
CREATE TRIGGER beschikking_blijft BEFORE DELETE ON beschikking
BEGIN SELECT RAISE(ABORT, 'een beschikking verandert niet'); END;
CREATE TRIGGER mijlpaal_melding_onveranderlijk BEFORE UPDATE ON mijlpaal_melding
BEGIN SELECT RAISE(ABORT, 'een melding verandert niet'); END;
CREATE TRIGGER mijlpaal_melding_blijft BEFORE DELETE ON mijlpaal_melding
BEGIN SELECT RAISE(ABORT, 'een melding verandert niet'); END;
CREATE TRIGGER mijlpaal_betaling_onveranderlijk BEFORE UPDATE ON mijlpaal_betaling
BEGIN SELECT RAISE(ABORT, 'een betaling verandert niet; corrigeer met een nieuwe boeking'); END;
CREATE TRIGGER mijlpaal_betaling_blijft BEFORE DELETE ON mijlpaal_betaling
BEGIN SELECT RAISE(ABORT, 'een betaling verandert niet; corrigeer met een nieuwe boeking'); END;
-- @postgres
CREATE FUNCTION nza_aanvraag_alleen_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'DELETE' OR NEW.id <> OLD.id OR NEW.aanvraag_id <> OLD.aanvraag_id
	   OR NEW.versie <> OLD.versie OR NEW.thema <> OLD.thema
	   OR NEW.toegekend_cent <> OLD.toegekend_cent OR NEW.bovengrens_cent <> OLD.bovengrens_cent
	   OR NEW.jaarverdeling <> OLD.jaarverdeling OR NEW.verklaringen <> OLD.verklaringen
	   OR NEW.contract_datum <> OLD.contract_datum OR NEW.contract_kenmerk <> OLD.contract_kenmerk
	   OR NEW.sha256 <> OLD.sha256 OR NEW.aangemaakt_op <> OLD.aangemaakt_op
	   OR NEW.aangemaakt_door <> OLD.aangemaakt_door THEN
		RAISE EXCEPTION 'van een tweezijdige aanvraag verandert alleen de status';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER nza_aanvraag_vast BEFORE UPDATE OR DELETE ON nza_aanvraag
	FOR EACH ROW EXECUTE FUNCTION nza_aanvraag_alleen_status();
CREATE FUNCTION beschikking_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een ondertekening, beschikking, melding of betaling verandert niet';
END
$$;
CREATE TRIGGER nza_ondertekening_onveranderlijk BEFORE UPDATE OR DELETE ON nza_ondertekening
	FOR EACH ROW EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER beschikking_onveranderlijk BEFORE UPDATE OR DELETE ON beschikking
	FOR EACH ROW EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER mijlpaal_melding_onveranderlijk BEFORE UPDATE OR DELETE ON mijlpaal_melding
	FOR EACH ROW EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER mijlpaal_betaling_onveranderlijk BEFORE UPDATE OR DELETE ON mijlpaal_betaling
	FOR EACH ROW EXECUTE FUNCTION beschikking_onveranderlijk();
-- PostgreSQL row triggers do not fire on TRUNCATE.
CREATE TRIGGER nza_aanvraag_niet_legen BEFORE TRUNCATE ON nza_aanvraag
	FOR EACH STATEMENT EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER nza_ondertekening_niet_legen BEFORE TRUNCATE ON nza_ondertekening
	FOR EACH STATEMENT EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER beschikking_niet_legen BEFORE TRUNCATE ON beschikking
	FOR EACH STATEMENT EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER mijlpaal_melding_niet_legen BEFORE TRUNCATE ON mijlpaal_melding
	FOR EACH STATEMENT EXECUTE FUNCTION beschikking_onveranderlijk();
CREATE TRIGGER mijlpaal_betaling_niet_legen BEFORE TRUNCATE ON mijlpaal_betaling
	FOR EACH STATEMENT EXECUTE FUNCTION beschikking_onveranderlijk();
