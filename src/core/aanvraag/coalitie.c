/*
 * coalitie.c -- the parties of an application. See coalitie.h.
 */
#include "core/aanvraag/coalitie.h"

#include <inttypes.h>

const char *coalitie_rol_naam(enum coalitie_rol r)
{
	switch (r) {
	case COALITIE_PENVOERDER: return "penvoerder";
	case COALITIE_DEELNEMER: return "deelnemer";
	case COALITIE_COORDINEREND_VERZEKERAAR: return "coordinerend_verzekeraar";
	case COALITIE_TWEEDE_VERZEKERAAR: return "tweede_verzekeraar";
	}
	return "onbekend";
}

static size_t voeg_toe(struct coalitie_partij *out, size_t n, int64_t id, enum coalitie_rol rol)
{
	if (id <= 0 || n >= COALITIE_PARTIJEN_MAX)
		return n;
	for (size_t i = 0; i < n; i++)
		if (out[i].organisatie == id && out[i].rol == rol)
			return n;
	out[n].organisatie = id;
	out[n].rol = rol;
	return n + 1;
}

size_t coalitie_partijen(const struct aanvraag *a, int64_t penvoerder,
			 struct coalitie_partij out[COALITIE_PARTIJEN_MAX])
{
	size_t n = voeg_toe(out, 0, penvoerder, COALITIE_PENVOERDER);
	if (!a->heeft_coalitie)
		return n;
	const struct aanvraag_coalitie *c = &a->coalitie;
	for (size_t i = 0; i < c->deelnemer_aantal && i < AANVRAAG_DEELNEMERS_MAX; i++)
		n = voeg_toe(out, n, c->deelnemers[i].organisatie, COALITIE_DEELNEMER);
	n = voeg_toe(out, n, c->coordinerend_verzekeraar, COALITIE_COORDINEREND_VERZEKERAAR);
	return voeg_toe(out, n, c->tweede_verzekeraar, COALITIE_TWEEDE_VERZEKERAAR);
}

void coalitie_controleer(const struct aanvraag *a, int64_t penvoerder, struct error *e)
{
	if (!a->heeft_coalitie || a->coalitie.penvoerder <= 0 || a->coalitie.penvoerder == penvoerder)
		return;
	error_add(e, "/coalitie/penvoerder", "penvoerder_ongelijk", "[003 D5]",
		  "De penvoerder is de organisatie die de aanvraag maakt (%" PRId64 "), niet %" PRId64
		  "; een andere penvoerder maakt zelf een aanvraag.", penvoerder, a->coalitie.penvoerder);
}
