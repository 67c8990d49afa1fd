-- 024: the board's framework decisions (issue 18; docs/bestuur.md §4a).
-- kaderbesluit: after the modelplans are finished the board fixes a
-- macrobedrag per theme and chooses the impact bar [001 "Vervolgproces"].
-- Each decision is a version of its own (id = its number, newest in
-- force), with the amounts per theme as JSON, the chosen bar, the
-- motivation, who and when, and the catalogue version that carries it out
-- (published in the same transaction; UNIQUE: one decision per version).
-- Never changed or removed (triggers): a new decision replaces the former.
-- @common
CREATE TABLE kaderbesluit (
	id @ID@,
	themas TEXT NOT NULL,
	impactlat_id TEXT NOT NULL CHECK (length(impactlat_id) BETWEEN 1 AND 64),
	motivering TEXT NOT NULL CHECK (length(motivering) BETWEEN 1 AND 20000),
	genomen_op TEXT NOT NULL,
	genomen_door TEXT NOT NULL,
	catalogusversie INTEGER NOT NULL UNIQUE REFERENCES catalogusversie (versie)
);
-- @sqlite
CREATE TRIGGER kaderbesluit_onveranderlijk BEFORE UPDATE ON kaderbesluit
BEGIN SELECT RAISE(ABORT, 'een kaderbesluit verandert niet; neem een nieuw besluit'); END;
CREATE TRIGGER kaderbesluit_blijft BEFORE DELETE ON kaderbesluit
BEGIN SELECT RAISE(ABORT, 'een kaderbesluit verandert niet; neem een nieuw besluit'); END;
-- @postgres
CREATE FUNCTION kaderbesluit_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een kaderbesluit verandert niet; neem een nieuw besluit';
END
$$;
CREATE TRIGGER kaderbesluit_onveranderlijk BEFORE UPDATE OR DELETE ON kaderbesluit
	FOR EACH ROW EXECUTE FUNCTION kaderbesluit_onveranderlijk();
CREATE TRIGGER kaderbesluit_niet_legen BEFORE TRUNCATE ON kaderbesluit
	FOR EACH STATEMENT EXECUTE FUNCTION kaderbesluit_onveranderlijk();
