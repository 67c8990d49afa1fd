-- 015: NZa's yearly administrative judgement (bestuurlijk rechtsoordeel)
-- on an insurer's yearly statement (issue 15; docs/verantwoording.md §6):
-- plausible, plausible for a lower amount, or not plausible, with findings
-- and their sources, and the amount that may go into risk equalisation
-- (erkend_cent). One per statement; never changed or removed.
-- @common
CREATE TABLE rechtsoordeel (
	id @ID@,
	jaarstaat_id BIGINT NOT NULL UNIQUE REFERENCES jaarstaat (id),
	oordeel TEXT NOT NULL CHECK (oordeel IN ('plausibel', 'lager', 'niet_plausibel')),
	erkend_cent BIGINT NOT NULL CHECK (erkend_cent >= 0),
	motivering TEXT NOT NULL CHECK (length(motivering) BETWEEN 1 AND 20000),
	bevindingen TEXT NOT NULL,
	gegeven_op TEXT NOT NULL,
	gegeven_door TEXT NOT NULL
);
-- @sqlite
CREATE TRIGGER rechtsoordeel_onveranderlijk BEFORE UPDATE ON rechtsoordeel
BEGIN SELECT RAISE(ABORT, 'een rechtsoordeel verandert niet'); END;
CREATE TRIGGER rechtsoordeel_blijft BEFORE DELETE ON rechtsoordeel
BEGIN SELECT RAISE(ABORT, 'een rechtsoordeel blijft bewaard'); END;
-- @postgres
CREATE FUNCTION rechtsoordeel_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een rechtsoordeel verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER rechtsoordeel_onveranderlijk BEFORE UPDATE OR DELETE ON rechtsoordeel
	FOR EACH ROW EXECUTE FUNCTION rechtsoordeel_onveranderlijk();
