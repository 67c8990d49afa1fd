-- 014: the insurer's yearly statement to NZa (issue 15; docs/verantwoording.md §5):
-- per insurer per year, every project it coordinates with what it paid,
-- what was reclaimed and what it judged plausible, reconciled with the
-- ledger to the cent when it was submitted. One per insurer and year;
-- never changed or removed.
-- @common
CREATE TABLE jaarstaat (
	id @ID@,
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	jaar INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
	regels TEXT NOT NULL,
	betaald_cent BIGINT NOT NULL CHECK (betaald_cent >= 0),
	teruggevorderd_cent BIGINT NOT NULL CHECK (teruggevorderd_cent >= 0),
	plausibel_cent BIGINT NOT NULL CHECK (plausibel_cent >= 0),
	ingediend_op TEXT NOT NULL,
	ingediend_door TEXT NOT NULL,
	UNIQUE (verzekeraar_id, jaar)
);
-- @sqlite
CREATE TRIGGER jaarstaat_onveranderlijk BEFORE UPDATE ON jaarstaat
BEGIN SELECT RAISE(ABORT, 'een ingediende jaarstaat verandert niet'); END;
CREATE TRIGGER jaarstaat_blijft BEFORE DELETE ON jaarstaat
BEGIN SELECT RAISE(ABORT, 'een ingediende jaarstaat blijft bewaard'); END;
-- @postgres
CREATE FUNCTION jaarstaat_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een ingediende jaarstaat verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER jaarstaat_onveranderlijk BEFORE UPDATE OR DELETE ON jaarstaat
	FOR EACH ROW EXECUTE FUNCTION jaarstaat_onveranderlijk();
