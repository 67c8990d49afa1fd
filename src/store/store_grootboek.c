/*
 * store_grootboek.c -- the SQL of the budget ledger. See store_grootboek.h.
 * Written once for both backends: `?` placeholders, no backend-specific
 * functions. Balances are written as absolute values computed by the core,
 * guarded by the values read before (see store_gb_rekening_saldi_zet).
 */
#include "store/store_grootboek.h"

/* The entry columns (SGB_ order): b is the entry, d and c its accounts,
 * r the reservation it posts or voids. */
#define BOEKING_KOLOMMEN \
	"SELECT b.id, b.sleutel, b.soort, d.code, c.code, b.bedrag_cent, b.reservering_id," \
	" r.sleutel, b.code, b.omschrijving, b.tijdstip, b.keten, b.debet_rekening," \
	" b.credit_rekening, r.soort, r.bedrag_cent, r.debet_rekening, r.credit_rekening"
#define BOEKING_VAN \
	" FROM grootboek_boeking b" \
	" JOIN grootboek_rekening d ON d.id = b.debet_rekening" \
	" JOIN grootboek_rekening c ON c.id = b.credit_rekening" \
	" LEFT JOIN grootboek_boeking r ON r.id = b.reservering_id"
/* ... and x, the entry that posted or voided b (SGB_AFGEHANDELD_DOOR). */
#define BOEKING_MET_AFHANDELING \
	BOEKING_KOLOMMEN ", x.id" BOEKING_VAN \
	" LEFT JOIN grootboek_boeking x ON x.reservering_id = b.id"

#define IN_LIJST "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?," \
		 " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"

/* Binds up to STORE_GB_IN_MAX texts, the rest NULL (which matches nothing),
 * so that every list is one prepared statement. */
static size_t in_lijst(struct store_param *p, const char *const *waarden, size_t n)
{
	for (size_t i = 0; i < STORE_GB_IN_MAX; i++)
		p[i] = i < n ? SP_T(waarden[i]) : SP_N();
	return STORE_GB_IN_MAX;
}

rc_t store_gb_rekening_insert(struct store *s, const char *code, const char *naam,
			      const char *soort, unsigned vlaggen, const char *aangemaakt_op,
			      int64_t *id_out, struct error *e)
{
	struct store_param p[] = {SP_T(code), SP_T(naam), SP_T(soort), SP_I(vlaggen),
				  SP_T(aangemaakt_op)};
	return store_query_int(s,
		"INSERT INTO grootboek_rekening (code, naam, soort, vlaggen, aangemaakt_op)"
		" VALUES (?, ?, ?, ?, ?) RETURNING id",
		p, 5, id_out, e);
}

rc_t store_gb_rekening_by_code(struct store *s, const char *code, struct arena *arena,
			       struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(code)};
	return store_query(s,
		"SELECT " STORE_GB_REKENING_KOLOMMEN " FROM grootboek_rekening WHERE code = ?",
		p, 1, arena, out, e);
}

rc_t store_gb_rekening_page(struct store *s, int64_t after, int64_t limit,
			    struct arena *arena, struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(after), SP_I(limit)};
	return store_query(s,
		"SELECT " STORE_GB_REKENING_KOLOMMEN " FROM grootboek_rekening"
		" WHERE id > ? ORDER BY id LIMIT ?",
		p, 2, arena, out, e);
}

rc_t store_gb_rekening_by_codes(struct store *s, const char *const *codes, size_t n,
				struct arena *arena, struct store_rows *out, struct error *e)
{
	if (n > STORE_GB_IN_MAX)
		return error_set(e, RC_INTERNAL, "Te veel rekeningcodes in een keer (%zu).", n);
	struct store_param p[STORE_GB_IN_MAX];
	size_t k = in_lijst(p, codes, n);
	return store_query(s,
		"SELECT " STORE_GB_REKENING_KOLOMMEN " FROM grootboek_rekening WHERE code IN " IN_LIJST,
		p, k, arena, out, e);
}

rc_t store_gb_rekening_saldi_zet(struct store *s, int64_t id, const struct store_gb_saldi *oud,
				 const struct store_gb_saldi *nieuw, struct error *e)
{
	struct store_param p[] = {
		SP_I(nieuw->debet_geboekt), SP_I(nieuw->credit_geboekt),
		SP_I(nieuw->debet_gereserveerd), SP_I(nieuw->credit_gereserveerd), SP_I(id),
		SP_I(oud->debet_geboekt), SP_I(oud->credit_geboekt),
		SP_I(oud->debet_gereserveerd), SP_I(oud->credit_gereserveerd),
	};
	int64_t hit = 0;
	rc_t rc = store_query_int(s,
		"UPDATE grootboek_rekening SET debet_geboekt_cent = ?, credit_geboekt_cent = ?,"
		" debet_gereserveerd_cent = ?, credit_gereserveerd_cent = ?"
		" WHERE id = ? AND debet_geboekt_cent = ? AND credit_geboekt_cent = ?"
		" AND debet_gereserveerd_cent = ? AND credit_gereserveerd_cent = ? RETURNING id",
		p, 9, &hit, e);
	if (rc == RC_NOT_FOUND)
		return error_set(e, RC_INTERNAL,
				 "Saldi van grootboekrekening %lld veranderden binnen de transactie.",
				 (long long)id);
	return rc;
}

rc_t store_gb_boeking_insert(struct store *s, const char *sleutel, const char *soort,
			     int64_t debet_id, int64_t credit_id, int64_t bedrag_cent,
			     int64_t reservering_id, const char *code, const char *omschrijving,
			     const char *tijdstip, const char *keten, int64_t *id_out,
			     struct error *e)
{
	struct store_param p[] = {
		SP_T(sleutel), SP_T(soort), SP_I(debet_id), SP_I(credit_id), SP_I(bedrag_cent),
		reservering_id > 0 ? SP_I(reservering_id) : SP_N(), SP_T(code), SP_T(omschrijving),
		SP_T(tijdstip), SP_T(keten),
	};
	return store_query_int(s,
		"INSERT INTO grootboek_boeking (sleutel, soort, debet_rekening, credit_rekening,"
		" bedrag_cent, reservering_id, code, omschrijving, tijdstip, keten)"
		" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
		p, 10, id_out, e);
}

rc_t store_gb_boeking_by_sleutel(struct store *s, const char *sleutel, struct arena *arena,
				 struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_T(sleutel)};
	return store_query(s, BOEKING_MET_AFHANDELING " WHERE b.sleutel = ?", p, 1, arena, out, e);
}

rc_t store_gb_boeking_by_sleutels(struct store *s, const char *const *sleutels, size_t n,
				  struct arena *arena, struct store_rows *out, struct error *e)
{
	if (n > STORE_GB_IN_MAX)
		return error_set(e, RC_INTERNAL, "Te veel sleutels in een keer (%zu).", n);
	struct store_param p[STORE_GB_IN_MAX];
	size_t k = in_lijst(p, sleutels, n);
	return store_query(s, BOEKING_MET_AFHANDELING " WHERE b.sleutel IN " IN_LIJST,
			   p, k, arena, out, e);
}

rc_t store_gb_boeking_page(struct store *s, int64_t after, int64_t limit, struct arena *arena,
			   struct store_rows *out, struct error *e)
{
	struct store_param p[] = {SP_I(after), SP_I(limit)};
	return store_query(s, BOEKING_KOLOMMEN BOEKING_VAN " WHERE b.id > ? ORDER BY b.id LIMIT ?",
			   p, 2, arena, out, e);
}
