-- 009: the board's overview pages through a round's applications by id
-- (store_verdeling_aanvragen: WHERE ronde_id = ? AND id > ? ORDER BY id);
-- with only an index on ronde_id every page sorted the whole round again
-- (issue 14: 54 -> 233 -> 718 ms for 1,000 -> 2,500 -> 5,000 applications).
-- @common
CREATE INDEX aanvraag_ronde_id ON aanvraag (ronde_id, id);
DROP INDEX aanvraag_ronde;
