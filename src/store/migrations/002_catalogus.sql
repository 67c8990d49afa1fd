-- 002: published catalogue and modelplan versions. Nothing here ever
-- changes or disappears once stored (triggers refuse UPDATE and DELETE):
-- a catalogue version keeps its whole validated document; every
-- modelplan version (modelplan, versie) gets a row of its own, so that
-- applications can refer to it with a foreign key for ever.
--
-- catalogusversie_modelplan says which modelplan versions belong to a
-- catalogue version: those in its document, and those published on their
-- own while it was the newest. A catalogue version shows, per modelplan,
-- the highest version linked to it.
-- @common
CREATE TABLE catalogusversie (
	versie INTEGER PRIMARY KEY CHECK (versie > 0),
	gepubliceerd_op TEXT NOT NULL,
	opgeslagen_op TEXT NOT NULL,
	gepubliceerd_door TEXT NOT NULL,
	bron TEXT NOT NULL,
	document TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64)
);
CREATE TABLE modelplanversie (
	modelplan TEXT NOT NULL,
	versie INTEGER NOT NULL CHECK (versie > 0),
	catalogusversie INTEGER NOT NULL REFERENCES catalogusversie (versie),
	toepassingsgebied TEXT NOT NULL,
	status TEXT NOT NULL,
	gepubliceerd_op TEXT NOT NULL,
	opgeslagen_op TEXT NOT NULL,
	gepubliceerd_door TEXT NOT NULL,
	wijzigingen TEXT,
	bron TEXT NOT NULL,
	document TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	PRIMARY KEY (modelplan, versie)
);
CREATE TABLE catalogusversie_modelplan (
	catalogusversie INTEGER NOT NULL REFERENCES catalogusversie (versie),
	modelplan TEXT NOT NULL,
	versie INTEGER NOT NULL,
	PRIMARY KEY (catalogusversie, modelplan, versie),
	FOREIGN KEY (modelplan, versie) REFERENCES modelplanversie (modelplan, versie)
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
CREATE TRIGGER catalogusversie_modelplan_onveranderlijk BEFORE UPDATE ON catalogusversie_modelplan
BEGIN SELECT RAISE(ABORT, 'een gepubliceerde koppeling verandert niet'); END;
CREATE TRIGGER catalogusversie_modelplan_blijft BEFORE DELETE ON catalogusversie_modelplan
BEGIN SELECT RAISE(ABORT, 'een gepubliceerde koppeling verandert niet'); END;
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
CREATE TRIGGER catalogusversie_modelplan_onveranderlijk BEFORE UPDATE OR DELETE
	ON catalogusversie_modelplan
	FOR EACH ROW EXECUTE FUNCTION catalogus_onveranderlijk();
-- PostgreSQL row triggers do not fire on TRUNCATE.
CREATE TRIGGER catalogusversie_niet_legen BEFORE TRUNCATE ON catalogusversie
	FOR EACH STATEMENT EXECUTE FUNCTION catalogus_onveranderlijk();
CREATE TRIGGER modelplanversie_niet_legen BEFORE TRUNCATE ON modelplanversie
	FOR EACH STATEMENT EXECUTE FUNCTION catalogus_onveranderlijk();
CREATE TRIGGER catalogusversie_modelplan_niet_legen BEFORE TRUNCATE ON catalogusversie_modelplan
	FOR EACH STATEMENT EXECUTE FUNCTION catalogus_onveranderlijk();
