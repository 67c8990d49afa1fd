-- 002: published catalogue versions. A version is immutable once stored:
-- the whole validated document is kept as JSON text with its hash, and
-- the parts later steps refer to (modelplan versions) get rows of their own.
-- @common
CREATE TABLE catalogusversie (
	versie INTEGER PRIMARY KEY CHECK (versie > 0),
	gepubliceerd_op TEXT NOT NULL,
	gepubliceerd_door TEXT NOT NULL,
	document TEXT NOT NULL,
	sha256 TEXT NOT NULL
);
CREATE TABLE modelplanversie (
	modelplan TEXT NOT NULL,
	versie INTEGER NOT NULL CHECK (versie > 0),
	catalogusversie INTEGER NOT NULL REFERENCES catalogusversie (versie),
	toepassingsgebied TEXT NOT NULL,
	status TEXT NOT NULL,
	document TEXT NOT NULL,
	sha256 TEXT NOT NULL,
	PRIMARY KEY (modelplan, versie)
);
-- @sqlite
CREATE TRIGGER catalogusversie_onveranderlijk BEFORE UPDATE ON catalogusversie
BEGIN SELECT RAISE(ABORT, 'een gepubliceerde catalogusversie verandert niet'); END;
CREATE TRIGGER catalogusversie_blijft BEFORE DELETE ON catalogusversie
BEGIN SELECT RAISE(ABORT, 'een gepubliceerde catalogusversie verandert niet'); END;
CREATE TRIGGER modelplanversie_onveranderlijk BEFORE UPDATE ON modelplanversie
BEGIN SELECT RAISE(ABORT, 'een gepubliceerde modelplanversie verandert niet'); END;
CREATE TRIGGER modelplanversie_blijft BEFORE DELETE ON modelplanversie
BEGIN SELECT RAISE(ABORT, 'een gepubliceerde modelplanversie verandert niet'); END;
-- @postgres
CREATE FUNCTION catalogus_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een gepubliceerde catalogus- of modelplanversie verandert niet';
END
$$;
CREATE TRIGGER catalogusversie_onveranderlijk BEFORE UPDATE OR DELETE ON catalogusversie
	FOR EACH ROW EXECUTE FUNCTION catalogus_onveranderlijk();
CREATE TRIGGER modelplanversie_onveranderlijk BEFORE UPDATE OR DELETE ON modelplanversie
	FOR EACH ROW EXECUTE FUNCTION catalogus_onveranderlijk();
