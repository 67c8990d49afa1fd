-- 016: the Zorginstituut's settlement in risk equalisation (nacalculatie)
-- per insurer per equalisation year (issue 15; docs/verantwoording.md §7):
-- the fixed costs to compensate are exactly what NZa recognised in its
-- judgement [001 §4], [001 §5], [003 §8b]; booked in the ledger
-- zorgverzekeringsfonds -> verzekeraar/<uzovi>/verevend. One per insurer
-- and year (UNIQUE, and the ledger key): two servers settling at once
-- settle once. Never changed or removed.
-- @common
CREATE TABLE verevening (
	id @ID@,
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	jaar INTEGER NOT NULL CHECK (jaar BETWEEN 2000 AND 2100),
	rechtsoordeel_id BIGINT NOT NULL UNIQUE REFERENCES rechtsoordeel (id),
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent >= 0),
	boeking_id BIGINT REFERENCES grootboek_boeking (id),
	verevend_op TEXT NOT NULL,
	verevend_door TEXT NOT NULL,
	UNIQUE (verzekeraar_id, jaar)
);
-- @sqlite
CREATE TRIGGER verevening_onveranderlijk BEFORE UPDATE ON verevening
BEGIN SELECT RAISE(ABORT, 'een verevening verandert niet'); END;
CREATE TRIGGER verevening_blijft BEFORE DELETE ON verevening
BEGIN SELECT RAISE(ABORT, 'een verevening blijft bewaard'); END;
-- @postgres
CREATE FUNCTION verevening_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een verevening verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER verevening_onveranderlijk BEFORE UPDATE OR DELETE ON verevening
	FOR EACH ROW EXECUTE FUNCTION verevening_onveranderlijk();
