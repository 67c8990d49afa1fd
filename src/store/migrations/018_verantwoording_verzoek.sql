-- 018: the coordinating insurer's request for information on an
-- accountability (issue 15; docs/verantwoording.md §4): it reopens the
-- year, and the lead answers with a new version of the accountability
-- (verantwoording.versie + 1); the old version and the question stay as
-- history. At most one request per version; never changed or removed.
-- @common
CREATE TABLE verantwoording_verzoek (
	id @ID@,
	verantwoording_id BIGINT NOT NULL UNIQUE REFERENCES verantwoording (id),
	vraag TEXT NOT NULL,
	gevraagd_op TEXT NOT NULL,
	gevraagd_door TEXT NOT NULL
);
-- @sqlite
CREATE TRIGGER verantwoording_verzoek_onveranderlijk BEFORE UPDATE ON verantwoording_verzoek
BEGIN SELECT RAISE(ABORT, 'een informatieverzoek verandert niet'); END;
CREATE TRIGGER verantwoording_verzoek_blijft BEFORE DELETE ON verantwoording_verzoek
BEGIN SELECT RAISE(ABORT, 'een informatieverzoek blijft bewaard'); END;
-- @postgres
CREATE FUNCTION verantwoording_verzoek_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een informatieverzoek verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER verantwoording_verzoek_onveranderlijk BEFORE UPDATE OR DELETE ON verantwoording_verzoek
	FOR EACH ROW EXECUTE FUNCTION verantwoording_verzoek_onveranderlijk();
