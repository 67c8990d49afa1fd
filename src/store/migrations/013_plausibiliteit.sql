-- 013: the coordinating insurer's plausibility test of an accountability
-- (issue 15; docs/verantwoording.md §4): per line accepted, accepted for a
-- lower amount or rejected, with a motivation, and the plausible amount of
-- the year. One per accountability version; never changed or removed.
-- @common
CREATE TABLE plausibiliteitstoets (
	id @ID@,
	verantwoording_id BIGINT NOT NULL UNIQUE REFERENCES verantwoording (id),
	oordelen TEXT NOT NULL,
	plausibel_cent BIGINT NOT NULL CHECK (plausibel_cent >= 0),
	getoetst_op TEXT NOT NULL,
	getoetst_door TEXT NOT NULL
);
-- @sqlite
CREATE TRIGGER plausibiliteitstoets_onveranderlijk BEFORE UPDATE ON plausibiliteitstoets
BEGIN SELECT RAISE(ABORT, 'een plausibiliteitstoets verandert niet'); END;
CREATE TRIGGER plausibiliteitstoets_blijft BEFORE DELETE ON plausibiliteitstoets
BEGIN SELECT RAISE(ABORT, 'een plausibiliteitstoets blijft bewaard'); END;
-- @postgres
CREATE FUNCTION plausibiliteitstoets_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een plausibiliteitstoets verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER plausibiliteitstoets_onveranderlijk BEFORE UPDATE OR DELETE ON plausibiliteitstoets
	FOR EACH ROW EXECUTE FUNCTION plausibiliteitstoets_onveranderlijk();
