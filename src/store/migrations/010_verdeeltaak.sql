-- 010: scenarios as jobs (issue 14; docs/bestuur.md §3.1). A verdeeltaak is
-- the board's request to compute a scenario, kept with its state:
-- wachtend (placed) -> bezig (a worker of some server process claimed it
-- until verloopt_op_us; after that another may take it over) -> klaar
-- (scenario_id: the scenario stored in the same transaction) | mislukt
-- (fout: the problem as JSON) | geannuleerd; annuleren is asked while
-- bezig and seen by the worker. Every change is one transaction with its
-- audit record; jobs are never removed.
-- @common
CREATE TABLE verdeeltaak (
	id @ID@,
	ronde_id BIGINT NOT NULL REFERENCES indieningsronde (id),
	naam TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 64),
	verzoek TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('wachtend', 'bezig', 'annuleren', 'geannuleerd',
		'klaar', 'mislukt')),
	aangemaakt_op TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL,
	gestart_op TEXT,
	verloopt_op_us BIGINT NOT NULL DEFAULT 0,
	klaar_op TEXT,
	scenario_id BIGINT REFERENCES verdeelscenario (id),
	knopen BIGINT NOT NULL DEFAULT 0,
	fout TEXT
);
CREATE INDEX verdeeltaak_status ON verdeeltaak (status, id);
-- @sqlite
CREATE TRIGGER verdeeltaak_blijft BEFORE DELETE ON verdeeltaak
BEGIN SELECT RAISE(ABORT, 'een verdeeltaak blijft bewaard'); END;
-- @postgres
CREATE FUNCTION verdeeltaak_blijft() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een verdeeltaak blijft bewaard';
END
$$;
CREATE TRIGGER verdeeltaak_blijft BEFORE DELETE ON verdeeltaak
	FOR EACH ROW EXECUTE FUNCTION verdeeltaak_blijft();
