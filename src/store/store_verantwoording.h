/*
 * store_verantwoording.h -- the SQL of the accountability
 * (core/verantwoording/verantwoording_dossier.c; tables in
 * migrations/012_verantwoording.sql). Inside store_tx(); rows in the
 * caller's arena.
 */
#ifndef DOORBRAAK_STORE_VERANTWOORDING_H
#define DOORBRAAK_STORE_VERANTWOORDING_H

#include "store/store.h"

enum store_kader_kolom { SVK_JAAR, SVK_TOLERANTIE, SVK_ACCOUNTANT, SVK_DEADLINE, SVK_DEADLINE_US,
			 SVK_OP, SVK_DOOR };

/* Sets the framework of a year (insert or replace). */
rc_t store_verantwoordingskader_zet(struct store *s, int64_t jaar, int64_t tolerantie_bp,
				    int64_t accountant_vanaf_cent, const char *deadline, int64_t deadline_us,
				    const char *op, const char *door, struct error *e);
/* The framework of `jaar` (0 or 1 rows), or every year when jaar is 0. */
rc_t store_verantwoordingskader_lees(struct store *s, int64_t jaar, struct arena *arena,
				     struct store_rows *out, struct error *e);

enum store_verantwoording_kolom {
	SVW_ID, SVW_BESCHIKKING, SVW_JAAR, SVW_VERSIE, SVW_COMPLEET, SVW_TOTAAL, SVW_AANVAARDBAAR,
	SVW_TE_LAAT, SVW_OP, SVW_DOOR, SVW_DOCUMENT, SVW_BEVINDINGEN,
};

struct store_verantwoording {
	int64_t beschikking_id, jaar, versie;
	const char *document, *bevindingen;
	bool compleet, te_laat;
	int64_t totaal_cent, aanvaardbaar_cent;
	const char *op, *door;
};

rc_t store_verantwoording_voeg_toe(struct store *s, const struct store_verantwoording *v, int64_t *id_out,
				   struct error *e);
/* The accountabilities of a beschikking, by year and version. */
rc_t store_verantwoording_lijst(struct store *s, int64_t beschikking_id, struct arena *arena,
				struct store_rows *out, struct error *e);

/* One accountability by id (SVW_ columns; 0 or 1 rows). */
rc_t store_verantwoording_lees(struct store *s, int64_t id, struct arena *arena, struct store_rows *out,
			       struct error *e);

enum store_plausibiliteit_kolom { SPT_ID, SPT_VERANTWOORDING, SPT_OORDELEN, SPT_PLAUSIBEL, SPT_OP, SPT_DOOR };

rc_t store_plausibiliteit_voeg_toe(struct store *s, int64_t verantwoording_id, const char *oordelen,
				   int64_t plausibel_cent, const char *op, const char *door, int64_t *id_out,
				   struct error *e);
/* The test of an accountability (0 or 1 rows). */
rc_t store_plausibiliteit_lees(struct store *s, int64_t verantwoording_id, struct arena *arena,
			       struct store_rows *out, struct error *e);

#endif
