/*
 * rol.c -- names of the roles. See rol.h.
 */
#include "core/toegang/rol.h"

#include <string.h>

static const struct {
	unsigned bit;
	const char *naam;
} rollen[] = {
	{ROL_AANVRAGER, "aanvrager"},
	{ROL_BEOORDELAAR, "beoordelaar"},
	{ROL_BESTUUR, "bestuur"},
	{ROL_NZA, "nza"},
	{ROL_PROGRAMMABUREAU, "programmabureau"},
	{ROL_GEMEENTE, "gemeente"},
	{ROL_ZORGINSTITUUT, "zorginstituut"},
	{ROL_AUDITOR, "auditor"},
	{ROL_BEHEERDER, "beheerder"},
	{ROL_VWS, "vws"},
};

const char *rol_naam(unsigned bit)
{
	for (size_t i = 0; i < sizeof rollen / sizeof rollen[0]; i++)
		if (rollen[i].bit == bit)
			return rollen[i].naam;
	return NULL;
}

unsigned rol_uit_naam(const char *naam)
{
	for (size_t i = 0; naam && i < sizeof rollen / sizeof rollen[0]; i++)
		if (strcmp(rollen[i].naam, naam) == 0)
			return rollen[i].bit;
	return 0;
}
