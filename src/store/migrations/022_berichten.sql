-- 022: messages, the mail queue and password reset (issue 18; docs/berichten.md).
-- bericht: one message for one account, made in the same transaction as the
-- event it tells of (core/berichten/bericht.c); read or not per account.
-- mail: the outgoing queue. A mail tells of a bericht (its text is the
-- bericht's) or carries its own text (a password reset link). Sent by the
-- mail worker after the transaction; a failure is retried with a growing
-- pause and never touches the event it tells of. A reset link's text is
-- wiped once sent.
-- wachtwoordherstel: a single-use reset token, kept only as its SHA-256,
-- valid for a short time [ASVS V6].
-- @common
CREATE TABLE bericht (
	id @ID@,
	gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),
	soort TEXT NOT NULL CHECK (length(soort) BETWEEN 1 AND 60),
	onderwerp TEXT NOT NULL CHECK (length(onderwerp) BETWEEN 1 AND 400),
	tekst TEXT NOT NULL CHECK (length(tekst) BETWEEN 1 AND 4000),
	pad TEXT NOT NULL CHECK (length(pad) <= 200),
	aangemaakt_op TEXT NOT NULL,
	gelezen_op TEXT
);
CREATE INDEX bericht_gebruiker ON bericht (gebruiker_id, id);
CREATE TABLE mail (
	id @ID@,
	gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),
	bericht_id BIGINT REFERENCES bericht (id),
	soort TEXT NOT NULL CHECK (length(soort) BETWEEN 1 AND 60),
	onderwerp TEXT,
	tekst TEXT,
	status TEXT NOT NULL CHECK (status IN ('wachtend', 'verzonden', 'mislukt')),
	pogingen INTEGER NOT NULL DEFAULT 0 CHECK (pogingen >= 0),
	volgende_poging_unix_s BIGINT NOT NULL,
	laatste_fout TEXT,
	aangemaakt_op TEXT NOT NULL,
	verzonden_op TEXT,
	CHECK ((bericht_id IS NULL) = (soort IN ('wachtwoordherstel', 'wachtwoord_gewijzigd')))
);
CREATE INDEX mail_wachtend ON mail (status, volgende_poging_unix_s);
CREATE TABLE wachtwoordherstel (
	id @ID@,
	gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),
	token_hash TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64),
	aangemaakt_unix_s BIGINT NOT NULL,
	verloopt_unix_s BIGINT NOT NULL,
	gebruikt_unix_s BIGINT
);
CREATE INDEX wachtwoordherstel_gebruiker ON wachtwoordherstel (gebruiker_id);
