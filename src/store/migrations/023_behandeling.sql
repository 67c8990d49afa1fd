-- 023: the insurer's work (issue 18; docs/indiening.md §5a).
-- aanvraag.concept_gevraagd_cent: what the working document asks in all,
-- by the checks at its last save; aanvraag.gevraagd_cent: what the newest
-- submitted version asks (copied at submission): the insurer's queue shows
-- and sorts by it.
-- indieningsronde.beoordeeld_uiterlijk_op: the date by which the insurers
-- give their verdicts, set by the programme office with the round (no
-- source names a term: a programme choice, docs/indiening.md §5a).
-- aanvraag_behandelaar: within each insurer, the named assessor who handles
-- an application (one per insurer; a new assignment replaces the former,
-- the audit log keeps every one).
-- @common
ALTER TABLE aanvraag ADD COLUMN concept_gevraagd_cent BIGINT CHECK (concept_gevraagd_cent IS NULL OR concept_gevraagd_cent >= 0);
ALTER TABLE aanvraag ADD COLUMN gevraagd_cent BIGINT CHECK (gevraagd_cent IS NULL OR gevraagd_cent >= 0);
ALTER TABLE indieningsronde ADD COLUMN beoordeeld_uiterlijk_op TEXT CHECK (beoordeeld_uiterlijk_op IS NULL OR length(beoordeeld_uiterlijk_op) = 10);
CREATE TABLE aanvraag_behandelaar (
	aanvraag_id BIGINT NOT NULL REFERENCES aanvraag (id),
	verzekeraar_id BIGINT NOT NULL REFERENCES organisatie (id),
	gebruiker_id BIGINT NOT NULL REFERENCES gebruiker (id),
	toegewezen_op TEXT NOT NULL,
	toegewezen_door TEXT NOT NULL,
	PRIMARY KEY (aanvraag_id, verzekeraar_id)
);
