-- 019: the social-domain track (issue 16; docs/sociaal-domein.md).
-- sociaal_vaststelling: versioned data that a body publishes -- the region
-- set and the regioscan's scale (programme office), the assessment
-- framework (board), the
-- distribution key (VWS) -- as a canonical JSON document per version.
-- regioscan: per region and measurement the scan's levels and advice.
-- werkagenda: one row per version of a region's work agenda; only the
-- status and its moment ever change (concept -> ter_ondertekening ->
-- definitief -> vervangen). werkagenda_ondertekening: one collegebesluit
-- per municipality per version. werkagenda_beoordeling: VNG and ZN, one
-- each per version. spuk_toekenning: VWS's allocation of one year, at most
-- one per year; spuk_beschikking: its parts, one per receiving
-- municipality, each with its ledger reservation; spuk_betaling and
-- spuk_verantwoording: the payment and the yearly accountability of a
-- part. sociaal_voortgang: a region's progress report per half year.
-- Rows are never removed; a change is a new version.
-- @common
CREATE TABLE sociaal_vaststelling (
	id @ID@,
	soort TEXT NOT NULL CHECK (soort IN ('regioindeling', 'regioscanschaal', 'beoordelingskader',
		'verdeelsleutel')),
	versie BIGINT NOT NULL CHECK (versie >= 1),
	document TEXT NOT NULL,
	vastgesteld_op TEXT NOT NULL,
	vastgesteld_door TEXT NOT NULL,
	UNIQUE (soort, versie)
);

CREATE TABLE regioscan (
	id @ID@,
	regio_code TEXT NOT NULL,
	meting TEXT NOT NULL CHECK (meting IN ('nulmeting', '2027', '2028')),
	versie BIGINT NOT NULL CHECK (versie >= 1),
	regioindeling_versie BIGINT NOT NULL,
	document TEXT NOT NULL,
	ingevoerd_op TEXT NOT NULL,
	ingevoerd_door TEXT NOT NULL,
	UNIQUE (regio_code, meting, versie)
);

CREATE TABLE werkagenda (
	id @ID@,
	regio_code TEXT NOT NULL,
	versie BIGINT NOT NULL CHECK (versie >= 1),
	regioindeling_versie BIGINT NOT NULL,
	regioscan_id BIGINT REFERENCES regioscan (id),
	status TEXT NOT NULL CHECK (status IN ('concept', 'ter_ondertekening', 'definitief', 'vervangen')),
	document TEXT NOT NULL,
	begroting_cent BIGINT NOT NULL CHECK (begroting_cent >= 0),
	opgesteld_op TEXT NOT NULL,
	opgesteld_door TEXT NOT NULL,
	organisatie_id BIGINT NOT NULL REFERENCES organisatie (id),
	ingediend_op TEXT,
	definitief_op TEXT,
	UNIQUE (regio_code, versie)
);

CREATE TABLE werkagenda_ondertekening (
	id @ID@,
	werkagenda_id BIGINT NOT NULL REFERENCES werkagenda (id),
	cbs_code TEXT NOT NULL,
	organisatie_id BIGINT NOT NULL REFERENCES organisatie (id),
	besluitdatum TEXT NOT NULL,
	kenmerk TEXT NOT NULL,
	bijlage_id BIGINT REFERENCES bijlage (id),
	ondertekend_op TEXT NOT NULL,
	ondertekend_door TEXT NOT NULL,
	UNIQUE (werkagenda_id, cbs_code)
);

CREATE TABLE werkagenda_beoordeling (
	id @ID@,
	werkagenda_id BIGINT NOT NULL REFERENCES werkagenda (id),
	partij TEXT NOT NULL CHECK (partij IN ('vng', 'zn')),
	organisatie_id BIGINT NOT NULL REFERENCES organisatie (id),
	kader_versie BIGINT NOT NULL,
	oordeel TEXT NOT NULL CHECK (oordeel IN ('positief', 'negatief')),
	document TEXT NOT NULL,
	beoordeeld_op TEXT NOT NULL,
	beoordeeld_door TEXT NOT NULL,
	UNIQUE (werkagenda_id, partij)
);

CREATE TABLE spuk_toekenning (
	id @ID@,
	jaar BIGINT NOT NULL UNIQUE,
	niveau TEXT NOT NULL CHECK (niveau IN ('regio', 'gemeente')),
	sleutel_versie BIGINT NOT NULL,
	regioindeling_versie BIGINT NOT NULL,
	pot_cent BIGINT NOT NULL CHECK (pot_cent > 0),
	document TEXT NOT NULL,
	toegekend_op TEXT NOT NULL,
	toegekend_door TEXT NOT NULL
);

CREATE TABLE spuk_beschikking (
	id @ID@,
	toekenning_id BIGINT NOT NULL REFERENCES spuk_toekenning (id),
	jaar BIGINT NOT NULL,
	kenmerk TEXT NOT NULL UNIQUE,
	cbs_code TEXT NOT NULL,
	regio_code TEXT,
	organisatie_id BIGINT REFERENCES organisatie (id),
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent >= 0),
	reservering_id BIGINT REFERENCES grootboek_boeking (id),
	UNIQUE (toekenning_id, cbs_code)
);
CREATE INDEX spuk_beschikking_gemeente ON spuk_beschikking (cbs_code, jaar);

CREATE TABLE spuk_betaling (
	id @ID@,
	beschikking_id BIGINT NOT NULL UNIQUE REFERENCES spuk_beschikking (id),
	bedrag_cent BIGINT NOT NULL CHECK (bedrag_cent >= 0),
	boeking_id BIGINT REFERENCES grootboek_boeking (id),
	betaald_op TEXT NOT NULL,
	betaald_door TEXT NOT NULL
);

CREATE TABLE spuk_verantwoording (
	id @ID@,
	beschikking_id BIGINT NOT NULL REFERENCES spuk_beschikking (id),
	jaar BIGINT NOT NULL,
	besteed_cent BIGINT NOT NULL CHECK (besteed_cent >= 0),
	eind INTEGER NOT NULL CHECK (eind IN (0, 1)),
	teruggevorderd_cent BIGINT NOT NULL DEFAULT 0 CHECK (teruggevorderd_cent >= 0),
	boeking_id BIGINT REFERENCES grootboek_boeking (id),
	document TEXT NOT NULL,
	ingediend_op TEXT NOT NULL,
	ingediend_door TEXT NOT NULL,
	UNIQUE (beschikking_id, jaar)
);

CREATE TABLE sociaal_voortgang (
	id @ID@,
	regio_code TEXT NOT NULL,
	periode TEXT NOT NULL,
	versie BIGINT NOT NULL CHECK (versie >= 1),
	document TEXT NOT NULL,
	besteed_cent BIGINT NOT NULL CHECK (besteed_cent >= 0),
	ingediend_op TEXT NOT NULL,
	ingediend_door TEXT NOT NULL,
	UNIQUE (regio_code, periode, versie)
);
