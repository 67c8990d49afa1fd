/*
 * test_toegang.c -- who may see what, as pure rules: organisations
 * (toegang.h), applications by role and per object (aanvraagdossier.h:
 * aanvraag_zicht, aanvraagdossier_toegang), the coalition's parties
 * (coalitie.h) and the macro overview's view (macrooverzicht.h).
 */
#include <string.h>

#include "core/aanvraag/aanvraagdossier.h"
#include "core/aanvraag/coalitie.h"
#include "core/toegang/rol.h"
#include "core/toegang/toegang.h"
#include "core/verdeling/macrooverzicht.h"
#include "harness.h"

static struct principal wie(unsigned rollen, int64_t org)
{
	return (struct principal){.account_id = 1, .organisatie_id = org, .roles = rollen, .actor = "t"};
}

TEST(organisatie_eigen_en_beheer)
{
	struct principal a = wie(ROL_AANVRAGER, 7), b = wie(ROL_BEHEERDER, 1), au = wie(ROL_AUDITOR, 2);
	CHECK(toegang_mag_organisatie(&a, 7));
	CHECK(!toegang_mag_organisatie(&a, 8));
	CHECK(toegang_mag_organisatie(&b, 8) && toegang_mag_organisatie(&au, 8));
	CHECK(!toegang_ziet_alles(&a) && toegang_ziet_alles(&b) && toegang_ziet_alles(&au));
	int64_t ids[] = {3, 7, 9};
	CHECK(toegang_mag_een_van(&a, ids, 3));
	CHECK(!toegang_mag_een_van(&a, ids, 1));
	CHECK(!toegang_mag_een_van(&a, ids, 0));
}

/* An application of lead 10, insurers 20 and 21, round closed at 1000. */
static struct aanvraagdossier dossier(int64_t versie)
{
	struct aanvraagdossier d;
	memset(&d, 0, sizeof d);
	d.id = 5;
	d.versie = versie;
	d.penvoerder_id = 10;
	d.coordinerend_verzekeraar_id = 20;
	d.tweede_verzekeraar_id = 21;
	d.sluit_op_us = 1000;
	return d;
}

TEST(aanvraag_zicht_per_rol)
{
	struct principal au = wie(ROL_AUDITOR, 0), aa = wie(ROL_AANVRAGER, 10), ge = wie(ROL_GEMEENTE, 30),
			 be = wie(ROL_BEOORDELAAR, 20), bo = wie(ROL_BESTUUR, 40), zonder = wie(ROL_AANVRAGER, 0);
	CHECK(aanvraag_zicht(&au) == AANVRAAG_ZICHT_ALLES);
	CHECK(aanvraag_zicht(&aa) == AANVRAAG_ZICHT_COALITIE);
	CHECK(aanvraag_zicht(&ge) == AANVRAAG_ZICHT_COALITIE);
	CHECK(aanvraag_zicht(&be) == AANVRAAG_ZICHT_VERZEKERAAR);
	CHECK(aanvraag_zicht(&bo) == AANVRAAG_ZICHT_GEEN);
	CHECK(aanvraag_zicht(&zonder) == AANVRAAG_ZICHT_GEEN);   /* no organisation */
	CHECK(aanvraag_zicht(NULL) == AANVRAAG_ZICHT_GEEN);
}

TEST(aanvraag_toegang_per_object)
{
	struct aanvraagdossier concept = dossier(0), ingediend = dossier(1);
	struct principal lead = wie(ROL_AANVRAGER, 10), deel = wie(ROL_AANVRAGER, 11),
			 gem = wie(ROL_GEMEENTE, 30), ver = wie(ROL_BEOORDELAAR, 20), tweede = wie(ROL_BEOORDELAAR, 21),
			 ander = wie(ROL_BEOORDELAAR, 22), au = wie(ROL_AUDITOR, 0);
	CHECK(aanvraagdossier_toegang(&lead, &concept, true, 0) == AANVRAAG_PENVOERDER);
	CHECK(aanvraagdossier_toegang(&deel, &concept, true, 0) == AANVRAAG_COALITIE);
	CHECK(aanvraagdossier_toegang(&deel, &concept, false, 0) == AANVRAAG_GEEN);
	CHECK(aanvraagdossier_toegang(&gem, &concept, true, 0) == AANVRAAG_COALITIE);
	/* insurers: only a submitted version, only once the round has closed */
	CHECK(aanvraagdossier_toegang(&ver, &concept, false, 2000) == AANVRAAG_GEEN);
	CHECK(aanvraagdossier_toegang(&ver, &ingediend, false, 999) == AANVRAAG_GEEN);
	CHECK(aanvraagdossier_toegang(&ver, &ingediend, false, 1000) == AANVRAAG_VERZEKERAAR);
	CHECK(aanvraagdossier_toegang(&tweede, &ingediend, false, 1000) == AANVRAAG_VERZEKERAAR);
	CHECK(aanvraagdossier_toegang(&ander, &ingediend, false, 5000) == AANVRAAG_GEEN);
	CHECK(aanvraagdossier_toegang(&au, &concept, false, 0) == AANVRAAG_AUDITOR);
	CHECK(aanvraagdossier_toegang(&lead, NULL, true, 0) == AANVRAAG_GEEN);
}

TEST(coalitie_partijen_en_penvoerder)
{
	struct aanvraag_deelnemer dn[2] = {{.organisatie = 11}, {.organisatie = 12}};
	struct aanvraag a;
	memset(&a, 0, sizeof a);
	a.heeft_coalitie = true;
	a.coalitie = (struct aanvraag_coalitie){.penvoerder = 10, .coordinerend_verzekeraar = 20,
						.tweede_verzekeraar = 21, .deelnemers = dn,
						.deelnemer_aantal = 2};
	struct coalitie_partij p[COALITIE_PARTIJEN_MAX];
	size_t n = coalitie_partijen(&a, 10, p);
	CHECK(n == 5);
	CHECK(p[0].organisatie == 10 && p[0].rol == COALITIE_PENVOERDER);
	bool tweede = false;
	for (size_t i = 0; i < n; i++)
		tweede = tweede || (p[i].organisatie == 21 && p[i].rol == COALITIE_TWEEDE_VERZEKERAAR);
	CHECK(tweede);
	CHECK(strcmp(coalitie_rol_naam(COALITIE_DEELNEMER), "deelnemer") == 0);
	struct error e;
	error_clear(&e);
	coalitie_controleer(&a, 10, &e);
	CHECK(e.item_count == 0);
	coalitie_controleer(&a, 99, &e);   /* another organisation made it */
	CHECK(e.item_count == 1 && strcmp(e.items[0].code, "penvoerder_ongelijk") == 0);
}

TEST(macrooverzicht_zicht_en_fte)
{
	struct principal bo = wie(ROL_BESTUUR, 1), pb = wie(ROL_PROGRAMMABUREAU, 1), be = wie(ROL_BEOORDELAAR, 2),
			 aa = wie(ROL_AANVRAGER, 3), niemand = wie(0, 0);
	CHECK(macrooverzicht_zicht(&bo) == MACRO_VOLLEDIG && macrooverzicht_zicht(&pb) == MACRO_VOLLEDIG);
	CHECK(macrooverzicht_zicht(&be) == MACRO_VERZEKERAAR);
	CHECK(macrooverzicht_zicht(&aa) == MACRO_PUBLIEK && macrooverzicht_zicht(&niemand) == MACRO_PUBLIEK);
	CHECK(macro_fte_per_miljoen(35000, 100000000) == 35000);       /* 35 fte per EUR 1 mln */
	CHECK(macro_fte_per_miljoen(35000, 200000000) == 17500);
	CHECK(macro_fte_per_miljoen(1, 300000000) == 0);               /* rounded down */
	CHECK(macro_fte_per_miljoen(35000, 0) == 0);
}

int main(void)
{
	RUN(organisatie_eigen_en_beheer);
	RUN(aanvraag_zicht_per_rol);
	RUN(aanvraag_toegang_per_object);
	RUN(coalitie_partijen_en_penvoerder);
	RUN(macrooverzicht_zicht_en_fte);
	return HARNESS_END();
}
