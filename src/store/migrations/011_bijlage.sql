-- 011: attachments (bijlagen, issue 15; docs/bijlagen.md): a file that
-- belongs to one object ("mijlpaal/<beschikking>/<mijlpaal>", later
-- "verantwoording/<id>"), its type decided by its content (libmagic)
-- against an allow-list, its SHA-256, and its bytes in base64 -- one SQL
-- text for both backends, so several servers on one PostgreSQL serve the
-- same files. Never changed or removed.
-- @common
CREATE TABLE bijlage (
	id @ID@,
	object TEXT NOT NULL CHECK (length(object) BETWEEN 1 AND 200),
	naam TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
	mediatype TEXT NOT NULL,
	grootte BIGINT NOT NULL CHECK (grootte > 0),
	sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
	inhoud TEXT NOT NULL,
	geupload_op TEXT NOT NULL,
	geupload_door TEXT NOT NULL
);
CREATE INDEX bijlage_object ON bijlage (object, id);
-- @sqlite
CREATE TRIGGER bijlage_onveranderlijk BEFORE UPDATE ON bijlage
BEGIN SELECT RAISE(ABORT, 'een bijlage verandert niet'); END;
CREATE TRIGGER bijlage_blijft BEFORE DELETE ON bijlage
BEGIN SELECT RAISE(ABORT, 'een bijlage blijft bewaard'); END;
-- @postgres
CREATE FUNCTION bijlage_onveranderlijk() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'een bijlage verandert niet en blijft bewaard';
END
$$;
CREATE TRIGGER bijlage_onveranderlijk BEFORE UPDATE OR DELETE ON bijlage
	FOR EACH ROW EXECUTE FUNCTION bijlage_onveranderlijk();
