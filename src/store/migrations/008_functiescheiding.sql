-- 008: separation of duties (issue 12, docs/toegang.md "Four eyes").
-- Where money moves, one administrator alone may not make a party act:
-- apitoken.status 'aangevraagd' is a token one administrator requested for
-- a role where money moves; it has no usable secret (token_hash is the
-- hash of a random value nobody saw) until another administrator approves
-- it (goedgekeurd_door, goedgekeurd_op) and receives the token once.
-- gebruiker.rollen_voorgesteld are such roles one administrator gave an
-- account; they count only after another administrator confirmed them
-- (then they move to rollen). voorgesteld_door is who proposed them.
-- @common
ALTER TABLE apitoken ADD COLUMN status TEXT NOT NULL DEFAULT 'actief'
	CHECK (status IN ('actief', 'aangevraagd'));
ALTER TABLE apitoken ADD COLUMN goedgekeurd_door TEXT;
ALTER TABLE apitoken ADD COLUMN goedgekeurd_op TEXT;
ALTER TABLE gebruiker ADD COLUMN rollen_voorgesteld INTEGER NOT NULL DEFAULT 0
	CHECK (rollen_voorgesteld >= 0);
ALTER TABLE gebruiker ADD COLUMN voorgesteld_door TEXT;
