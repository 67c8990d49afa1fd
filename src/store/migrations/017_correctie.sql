-- 017: corrections of a milestone payment and what a yearly statement
-- brings into risk equalisation (issue 15; docs/verantwoording.md §5, §9).
-- mijlpaal_correctie: a wrong payment is corrected by a compensating entry
-- with a reason, never by an edit; the amount is signed (negative: back to
-- the project, positive: paid on top), booked in the year it is made.
-- terugvordering: the reclaim at a project's end [001 §5], with the year
-- it was made (the domain's clock, as payments) and its ledger entry.
-- jaarstaat.gecorrigeerd_cent: the year's corrections (signed), beside its
-- payments (betaald_cent).
-- jaarstaat.te_vereffenen_cent: per insurer and year what was paid and is
-- plausible, counted cumulatively per project so that the years together
-- never bring more into risk equalisation than was paid less reclaimed.
-- Never changed or removed.
-- @common
CREATE TABLE mijlpaal_correctie (
	id @ID@,
	beschikking_id BIGINT NOT NULL REFERENCES beschikking (id),
	mijlpaal TEXT NOT NULL,
	volgnummer INTEGER NOT NULL CHECK (volgnummer >= 1),
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent <> 0),
	jaar INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	boeking_id BIGINT NOT NULL REFERENCES grootboek_boeking (id),
	reden TEXT NOT NULL,
	gecorrigeerd_op TEXT NOT NULL,
	gecorrigeerd_door TEXT NOT NULL,
	UNIQUE (beschikking_id, mijlpaal, volgnummer)
);
CREATE TABLE terugvordering (
	id @ID@,
	beschikking_id BIGINT NOT NULL UNIQUE REFERENCES beschikking (id),
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent > 0),
	jaar INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	boeking_id BIGINT NOT NULL REFERENCES grootboek_boeking (id),
	teruggevorderd_op TEXT NOT NULL
);
ALTER TABLE jaarstaat ADD COLUMN te_vereffenen_cent BIGINT NOT NULL DEFAULT 0 CHECK (te_vereffenen_cent >= 0);
ALTER TABLE jaarstaat ADD COLUMN gecorrigeerd_cent BIGINT NOT NULL DEFAULT 0;
-- @sqlite
CREATE TRIGGER mijlpaal_correctie_onveranderlijk BEFORE UPDATE ON mijlpaal_correctie
BEGIN SELECT RAISE(ABORT, 'een correctie verandert niet'); END;
CREATE TRIGGER mijlpaal_correctie_blijft BEFORE DELETE ON mijlpaal_correctie
BEGIN SELECT RAISE(ABORT, 'een correctie blijft bewaard'); END;
CREATE TRIGGER terugvordering_onveranderlijk BEFORE UPDATE ON terugvordering
BEGIN SELECT RAISE(ABORT, 'een terugvordering verandert niet'); END;
CREATE TRIGGER terugvordering_blijft BEFORE DELETE ON terugvordering
BEGIN SELECT RAISE(ABORT, 'een terugvordering blijft bewaard'); END;
-- @postgres
CREATE FUNCTION mijlpaal_correctie_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een correctie verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER mijlpaal_correctie_onveranderlijk BEFORE UPDATE OR DELETE ON mijlpaal_correctie
	FOR EACH ROW EXECUTE FUNCTION mijlpaal_correctie_onveranderlijk();
CREATE TRIGGER terugvordering_onveranderlijk BEFORE UPDATE OR DELETE ON terugvordering
	FOR EACH ROW EXECUTE FUNCTION mijlpaal_correctie_onveranderlijk();
