/*
 * rol.h -- the roles a person (or an API token) can hold, as bits.
 *
 * DOMAIN.md §1 names the parties; a role is what a person of such a party
 * may do in doorbraak. Routes list the roles they allow (deny by
 * default); ROL_PUBLIEK marks a route that needs no login at all.
 */
#ifndef DOORBRAAK_ROL_H
#define DOORBRAAK_ROL_H

#include <stdbool.h>
#include <stddef.h>

enum rol {
	ROL_PUBLIEK = 1u << 0,          /* anyone, no login */
	ROL_AANVRAGER = 1u << 1,        /* a care provider in a coalition [DOMAIN §1] */
	ROL_BEOORDELAAR = 1u << 2,      /* assessor of a health insurer */
	ROL_BESTUUR = 1u << 3,          /* member of the national board BO IZA/AZWA */
	ROL_NZA = 1u << 4,              /* NZa officer */
	ROL_PROGRAMMABUREAU = 1u << 5,  /* VWS / programme office: the catalogue */
	ROL_GEMEENTE = 1u << 6,         /* municipality official */
	ROL_ZORGINSTITUUT = 1u << 7,    /* Zorginstituut Nederland: risk equalisation */
	ROL_AUDITOR = 1u << 8,          /* read-only auditor */
	ROL_BEHEERDER = 1u << 9,        /* administrator: accounts */
	ROL_VWS = 1u << 10,             /* ministry of VWS: the SPUK of the social domain [003 D5] */
};

#define ROL_INGELOGD (ROL_AANVRAGER | ROL_BEOORDELAAR | ROL_BESTUUR | ROL_NZA | \
		      ROL_PROGRAMMABUREAU | ROL_GEMEENTE | ROL_ZORGINSTITUUT |  \
		      ROL_AUDITOR | ROL_BEHEERDER | ROL_VWS)

/* The roles where money moves: the lead signs and reports milestones, the
 * insurer assesses, signs and pays, the board allocates, NZa grants, the
 * Zorginstituut settles, VWS allocates and pays the SPUK, a municipality
 * spends it. Separation of
 * duties [BIO 6.1.2 "Scheiding van taken"]: no administrator alone can make
 * an account or an API token act in one of these roles. What one
 * administrator grants of them waits for a second one (gebruiker.h,
 * apitoken.h); the first administrator never receives such a token. */
#define ROL_GELD (ROL_AANVRAGER | ROL_BEOORDELAAR | ROL_BESTUUR | ROL_NZA | \
		  ROL_GEMEENTE | ROL_ZORGINSTITUUT | ROL_VWS)

/* The Dutch API name of one role bit ("aanvrager"), or NULL. */
const char *rol_naam(unsigned bit);

/* The bit of an API name, or 0 when unknown. ROL_PUBLIEK has no name
 * that can be granted. */
unsigned rol_uit_naam(const char *naam);

#endif
