-- 021: the names people need (issue 18; docs/toegang.md "Namen").
-- organisatie.plaats: the place of business, shown in the register every
-- logged-in party searches (business data, no personal data).
-- gebruiker.naam, gebruiker.functie: the person behind an account and their
-- function, so that an answer says who acted ("E. de Groot, directeur ...")
-- and a decision is signed by a named official with a function [Awb 3:46,
-- 3:47: a decision states its grounds and who took it]. Optional for
-- accounts made before this migration; the account name stands in.
-- @common
ALTER TABLE organisatie ADD COLUMN plaats TEXT CHECK (plaats IS NULL OR length(plaats) BETWEEN 1 AND 100);
ALTER TABLE gebruiker ADD COLUMN naam TEXT CHECK (naam IS NULL OR length(naam) BETWEEN 1 AND 200);
ALTER TABLE gebruiker ADD COLUMN functie TEXT CHECK (functie IS NULL OR length(functie) BETWEEN 1 AND 200);
CREATE INDEX organisatie_soort_naam ON organisatie (soort, naam);
UPDATE organisatie SET plaats = 'Den Haag' WHERE soort IN ('programmabureau', 'bestuur');
UPDATE organisatie SET plaats = 'Utrecht' WHERE soort = 'nza';
UPDATE organisatie SET plaats = 'Diemen' WHERE soort = 'zorginstituut';
UPDATE organisatie SET plaats = naam WHERE soort = 'gemeente';
