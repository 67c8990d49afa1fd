-- 026: password reset requests per client address (issue 18;
-- docs/berichten.md §4): every request that was answered, so that one
-- address asks at most HERSTEL_PER_ADRES_PER_UUR resets an hour, whatever
-- addresses it types. Rows older than an hour are removed with the next
-- request.
-- @common
CREATE TABLE herstelverzoek (
	adres TEXT NOT NULL,
	tijdstip BIGINT NOT NULL
);
CREATE INDEX herstelverzoek_adres ON herstelverzoek (adres, tijdstip);
