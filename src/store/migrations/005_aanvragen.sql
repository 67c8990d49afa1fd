-- 005: submission rounds, applications, submitted versions and their
-- assessments (issue 5); see docs/indiening.md.
--
-- indieningsronde: the one submission moment of a round, in UTC
-- microseconds, with the catalogue version and impact bar in force. A
-- round never changes once made (triggers): a deadline that moves would
-- reward whoever knew first.
-- aanvraag: one application of a coalition in a round; its working
-- document (canonical JSON) is in aanvraag_concept, updated in place while
-- it is a draft (each save is an audit record), with what the checks said
-- of it at that save (concept_indienbaar, concept_route: the checks depend
-- only on the document and on published, unchanging data, so a
-- submission of that same document need not run them again); `versie` is
-- the newest submitted
-- version (0: never submitted); status and the two insurers of the newest
-- submitted version are kept here for filtering and access. Ids are
-- random (not a count), so an id says nothing about who was early.
-- aanvraag_partij: every organisation the working document names, with
-- its part; used for the coalition's read access and as the register the
-- checks consult. No foreign key: an unknown id is a finding of the
-- checks, not a reason to refuse a draft.
-- aanvraag_versie: each submitted version, frozen: the exact canonical
-- document, its SHA-256 and the server time of submission. Never updated
-- or deleted (triggers).
-- beoordeling: one assessment per insurer per submitted version, frozen.
-- @common
CREATE TABLE indieningsronde (
	id @ID@,
	naam TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
	catalogusversie INTEGER NOT NULL REFERENCES catalogusversie (versie),
	impactlat_id TEXT,
	uitloopjaar_toegestaan INTEGER NOT NULL CHECK (uitloopjaar_toegestaan IN (0, 1)),
	opent_op_us BIGINT NOT NULL,
	sluit_op_us BIGINT NOT NULL,
	opent_op TEXT NOT NULL,
	sluit_op TEXT NOT NULL,
	demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	aangemaakt_op TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL,
	CHECK (sluit_op_us > opent_op_us)
);

CREATE TABLE aanvraag (
	id BIGINT PRIMARY KEY CHECK (id > 0),
	ronde_id BIGINT NOT NULL REFERENCES indieningsronde (id),
	penvoerder_id BIGINT NOT NULL REFERENCES organisatie (id),
	status TEXT NOT NULL CHECK (status IN ('concept', 'ingediend', 'in_beoordeling',
		'informatie_gevraagd', 'positief', 'negatief')),
	titel TEXT,
	regio TEXT,
	modelplan TEXT NOT NULL,
	modelplan_versie INTEGER NOT NULL,
	toepassingsgebied TEXT NOT NULL,
	thema TEXT NOT NULL,
	concept_sha256 TEXT NOT NULL CHECK (length(concept_sha256) = 64),
	concept_revisie INTEGER NOT NULL CHECK (concept_revisie > 0),
	concept_indienbaar INTEGER NOT NULL DEFAULT 0 CHECK (concept_indienbaar IN (0, 1)),
	concept_route TEXT CHECK (concept_route IN ('licht', 'verdiept')),
	versie INTEGER NOT NULL DEFAULT 0 CHECK (versie >= 0),
	coordinerend_verzekeraar_id BIGINT,
	tweede_verzekeraar_id BIGINT,
	demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	aangemaakt_op TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL,
	gewijzigd_op TEXT NOT NULL,
	FOREIGN KEY (modelplan, modelplan_versie) REFERENCES modelplanversie (modelplan, versie)
);
CREATE INDEX aanvraag_ronde ON aanvraag (ronde_id);
CREATE INDEX aanvraag_penvoerder ON aanvraag (penvoerder_id);
CREATE INDEX aanvraag_coordinerend ON aanvraag (coordinerend_verzekeraar_id);
CREATE INDEX aanvraag_tweede ON aanvraag (tweede_verzekeraar_id);

CREATE TABLE aanvraag_concept (
	aanvraag_id BIGINT PRIMARY KEY REFERENCES aanvraag (id),
	document TEXT NOT NULL
);

CREATE TABLE aanvraag_partij (
	aanvraag_id BIGINT NOT NULL REFERENCES aanvraag (id),
	organisatie_id BIGINT NOT NULL,
	rol TEXT NOT NULL CHECK (rol IN ('penvoerder', 'deelnemer', 'coordinerend_verzekeraar',
		'tweede_verzekeraar')),
	PRIMARY KEY (aanvraag_id, organisatie_id, rol)
);
CREATE INDEX aanvraag_partij_organisatie ON aanvraag_partij (organisatie_id);

CREATE TABLE aanvraag_versie (
	aanvraag_id BIGINT NOT NULL REFERENCES aanvraag (id),
	versie INTEGER NOT NULL CHECK (versie > 0),
	ronde_id BIGINT NOT NULL REFERENCES indieningsronde (id),
	document TEXT NOT NULL,
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	grootte_bytes INTEGER NOT NULL CHECK (grootte_bytes > 0),
	ingediend_op_us BIGINT NOT NULL,
	ingediend_op TEXT NOT NULL,
	ingediend_door TEXT NOT NULL,
	route TEXT NOT NULL CHECK (route IN ('licht', 'verdiept')),
	open_velden TEXT,
	PRIMARY KEY (aanvraag_id, versie)
);
CREATE INDEX aanvraag_versie_sha256 ON aanvraag_versie (sha256);

CREATE TABLE beoordeling (
	id @ID@,
	aanvraag_id BIGINT NOT NULL,
	versie INTEGER NOT NULL,
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	verzekeraar_rol TEXT NOT NULL CHECK (verzekeraar_rol IN ('coordinerend', 'tweede')),
	oordeel TEXT NOT NULL CHECK (oordeel IN ('positief', 'negatief', 'meer_informatie')),
	motivering TEXT NOT NULL CHECK (length(motivering) > 0),
	basiseisen TEXT NOT NULL,
	informatieverzoek TEXT,
	geen_belangenconflict INTEGER NOT NULL CHECK (geen_belangenconflict = 1),
	beoordeeld_door TEXT NOT NULL,
	beoordeeld_op_us BIGINT NOT NULL,
	beoordeeld_op TEXT NOT NULL,
	UNIQUE (aanvraag_id, versie, verzekeraar_id),
	FOREIGN KEY (aanvraag_id, versie) REFERENCES aanvraag_versie (aanvraag_id, versie),
	CHECK ((oordeel = 'meer_informatie') = (informatieverzoek IS NOT NULL))
);
-- @sqlite
CREATE TRIGGER indieningsronde_onveranderlijk BEFORE UPDATE ON indieningsronde
BEGIN SELECT RAISE(ABORT, 'een indieningsronde verandert niet'); END;
CREATE TRIGGER indieningsronde_blijft BEFORE DELETE ON indieningsronde
BEGIN SELECT RAISE(ABORT, 'een indieningsronde verandert niet'); END;
CREATE TRIGGER aanvraag_blijft BEFORE DELETE ON aanvraag
BEGIN SELECT RAISE(ABORT, 'een aanvraag wordt niet verwijderd'); END;
CREATE TRIGGER aanvraag_versie_onveranderlijk BEFORE UPDATE ON aanvraag_versie
BEGIN SELECT RAISE(ABORT, 'een ingediende versie verandert niet'); END;
CREATE TRIGGER aanvraag_versie_blijft BEFORE DELETE ON aanvraag_versie
BEGIN SELECT RAISE(ABORT, 'een ingediende versie verandert niet'); END;
CREATE TRIGGER beoordeling_onveranderlijk BEFORE UPDATE ON beoordeling
BEGIN SELECT RAISE(ABORT, 'een beoordeling verandert niet'); END;
CREATE TRIGGER beoordeling_blijft BEFORE DELETE ON beoordeling
BEGIN SELECT RAISE(ABORT, 'een beoordeling verandert niet'); END;
-- @postgres
CREATE FUNCTION aanvragen_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een indieningsronde, ingediende versie of beoordeling verandert niet';
END
$$;
CREATE TRIGGER indieningsronde_onveranderlijk BEFORE UPDATE OR DELETE ON indieningsronde
	FOR EACH ROW EXECUTE FUNCTION aanvragen_onveranderlijk();
CREATE TRIGGER aanvraag_blijft BEFORE DELETE ON aanvraag
	FOR EACH ROW EXECUTE FUNCTION aanvragen_onveranderlijk();
CREATE TRIGGER aanvraag_versie_onveranderlijk BEFORE UPDATE OR DELETE ON aanvraag_versie
	FOR EACH ROW EXECUTE FUNCTION aanvragen_onveranderlijk();
CREATE TRIGGER beoordeling_onveranderlijk BEFORE UPDATE OR DELETE ON beoordeling
	FOR EACH ROW EXECUTE FUNCTION aanvragen_onveranderlijk();
-- PostgreSQL row triggers do not fire on TRUNCATE.
CREATE TRIGGER indieningsronde_niet_legen BEFORE TRUNCATE ON indieningsronde
	FOR EACH STATEMENT EXECUTE FUNCTION aanvragen_onveranderlijk();
CREATE TRIGGER aanvraag_niet_legen BEFORE TRUNCATE ON aanvraag
	FOR EACH STATEMENT EXECUTE FUNCTION aanvragen_onveranderlijk();
CREATE TRIGGER aanvraag_versie_niet_legen BEFORE TRUNCATE ON aanvraag_versie
	FOR EACH STATEMENT EXECUTE FUNCTION aanvragen_onveranderlijk();
CREATE TRIGGER beoordeling_niet_legen BEFORE TRUNCATE ON beoordeling
	FOR EACH STATEMENT EXECUTE FUNCTION aanvragen_onveranderlijk();
