-- 025: reminders on a date (issue 18; docs/berichten.md §2a).
-- herinnering: one row per reminder considered, so that every server
-- process sends it once: the accountability of a project year whose
-- deadline (verantwoordingskader) comes within 14 days [001 §5].
-- verstuurd 0: considered but not sent (the year is not one of the
-- project's).
-- @common
CREATE TABLE herinnering (
	soort TEXT NOT NULL CHECK (soort IN ('verantwoording')),
	beschikking_id BIGINT NOT NULL REFERENCES beschikking (id),
	jaar INTEGER NOT NULL,
	gemaakt_op TEXT NOT NULL,
	verstuurd INTEGER NOT NULL CHECK (verstuurd IN (0, 1)),
	PRIMARY KEY (soort, beschikking_id, jaar)
);
