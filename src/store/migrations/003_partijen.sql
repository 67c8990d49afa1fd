-- 003: parties, accounts and access (issue 4).
-- organisatie: every party with its identifiers; the four fixed bodies are
-- seeded here and exist at most once (partial unique index on soort).
-- gebruiker: a person of one organisation with roles (enum rol bits) and a
-- second factor; sessie, apitoken: only SHA-256 hashes of the secrets;
-- inlogpoging: failed logins, for throttling per account and per address.
-- @common
CREATE TABLE organisatie (
	id @ID@,
	soort TEXT NOT NULL CHECK (soort IN ('zorgaanbieder', 'zorgverzekeraar', 'gemeente',
		'nza', 'programmabureau', 'bestuur', 'zorginstituut')),
	naam TEXT NOT NULL CHECK (length(naam) BETWEEN 1 AND 200),
	agb_code TEXT UNIQUE CHECK (agb_code IS NULL OR length(agb_code) = 8),
	kvk_nummer TEXT CHECK (kvk_nummer IS NULL OR length(kvk_nummer) = 8),
	uzovi_code TEXT UNIQUE CHECK (uzovi_code IS NULL OR length(uzovi_code) = 4),
	concern TEXT,
	cbs_code TEXT UNIQUE CHECK (cbs_code IS NULL OR length(cbs_code) = 4),
	peiljaar INTEGER,
	iban TEXT,
	demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	aangemaakt_op TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL
);
CREATE UNIQUE INDEX organisatie_vast_orgaan ON organisatie (soort)
	WHERE soort IN ('nza', 'programmabureau', 'bestuur', 'zorginstituut');

CREATE TABLE gebruiker (
	id @ID@,
	organisatie_id BIGINT NOT NULL REFERENCES organisatie (id),
	gebruikersnaam TEXT NOT NULL UNIQUE,
	email TEXT NOT NULL UNIQUE,
	rollen INTEGER NOT NULL CHECK (rollen >= 0),
	wachtwoord_hash TEXT NOT NULL,
	totp_geheim TEXT,
	totp_laatste_stap BIGINT NOT NULL DEFAULT 0,
	actief INTEGER NOT NULL DEFAULT 1 CHECK (actief IN (0, 1)),
	demo INTEGER NOT NULL DEFAULT 0 CHECK (demo IN (0, 1)),
	aangemaakt_op TEXT NOT NULL,
	gewijzigd_op TEXT NOT NULL
);
CREATE INDEX gebruiker_organisatie ON gebruiker (organisatie_id);

CREATE TABLE sessie (
	id @ID@,
	token_hash TEXT NOT NULL UNIQUE,
	gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),
	adres TEXT NOT NULL,
	aangemaakt_unix_s BIGINT NOT NULL,
	laatst_actief_unix_s BIGINT NOT NULL,
	verloopt_unix_s BIGINT NOT NULL
);
CREATE INDEX sessie_gebruiker ON sessie (gebruiker_id);

CREATE TABLE apitoken (
	id @ID@,
	token_hash TEXT NOT NULL UNIQUE,
	prefix TEXT NOT NULL,
	organisatie_id BIGINT NOT NULL REFERENCES organisatie (id),
	rol INTEGER NOT NULL CHECK (rol > 0),
	naam TEXT NOT NULL,
	aangemaakt_door TEXT NOT NULL,
	aangemaakt_op TEXT NOT NULL,
	ingetrokken_op TEXT,
	laatst_gebruikt_op TEXT
);

CREATE TABLE inlogpoging (
	id @ID@,
	account TEXT NOT NULL,
	adres TEXT NOT NULL,
	tijdstip_unix_s BIGINT NOT NULL
);
CREATE INDEX inlogpoging_account ON inlogpoging (account, tijdstip_unix_s);
CREATE INDEX inlogpoging_adres ON inlogpoging (adres, tijdstip_unix_s);
-- @sqlite
INSERT INTO organisatie (soort, naam, aangemaakt_op, aangemaakt_door) VALUES
	('programmabureau', 'Programmabureau AZWA (ministerie van VWS)', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migratie:003'),
	('bestuur', 'Bestuurlijk Overleg IZA/AZWA', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migratie:003'),
	('nza', 'Nederlandse Zorgautoriteit (NZa)', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migratie:003'),
	('zorginstituut', 'Zorginstituut Nederland', strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migratie:003');
-- @postgres
INSERT INTO organisatie (soort, naam, aangemaakt_op, aangemaakt_door) VALUES
	('programmabureau', 'Programmabureau AZWA (ministerie van VWS)', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'migratie:003'),
	('bestuur', 'Bestuurlijk Overleg IZA/AZWA', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'migratie:003'),
	('nza', 'Nederlandse Zorgautoriteit (NZa)', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'migratie:003'),
	('zorginstituut', 'Zorginstituut Nederland', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'migratie:003');
