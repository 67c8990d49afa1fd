/* test_identificatie.c -- AGB, KvK, UZOVI, IBAN and CBS municipality codes. */
#include <string.h>

#include "core/toegang/identificatie.h"
#include "harness.h"

TEST(agb_kvk_uzovi_form)
{
	CHECK(identificatie_agb("12345678"));
	CHECK(!identificatie_agb("1234567"));   /* 7 digits */
	CHECK(!identificatie_agb("123456789"));
	CHECK(!identificatie_agb("1234567a"));
	CHECK(!identificatie_agb(""));
	CHECK(!identificatie_agb(NULL));
	CHECK(identificatie_kvk("87654321"));
	CHECK(!identificatie_kvk("8765432"));
	CHECK(!identificatie_kvk(" 87654321"));
	CHECK(identificatie_uzovi("9001"));
	CHECK(!identificatie_uzovi("901"));
	CHECK(!identificatie_uzovi("90011"));
	CHECK(!identificatie_uzovi("90O1"));
}

TEST(iban_valid_and_normalised)
{
	struct error e;
	char out[IBAN_MAX + 1];
	error_clear(&e);
	CHECK(identificatie_iban("NL91ABNA0417164300", out, "/iban", &e) == RC_OK);
	CHECK(strcmp(out, "NL91ABNA0417164300") == 0);
	CHECK(identificatie_iban("nl91 abna 0417 1643 00", out, "/iban", &e) == RC_OK);
	CHECK(strcmp(out, "NL91ABNA0417164300") == 0);
	CHECK(identificatie_iban("GB82WEST12345698765432", out, "/iban", &e) == RC_OK);
	CHECK(identificatie_iban("DE89370400440532013000", out, "/iban", &e) == RC_OK);
	CHECK(identificatie_iban("BE68539007547034", out, "/iban", &e) == RC_OK);
	CHECK(e.item_count == 0);
}

TEST(iban_bad_check_length_and_form)
{
	struct error e;
	char out[IBAN_MAX + 1] = "onveranderd";
	error_clear(&e);
	CHECK(identificatie_iban("NL91ABNA0417164301", out, "/iban", &e) == RC_INVALID);
	CHECK(strcmp(e.items[0].code, "iban_controle") == 0);
	CHECK(strcmp(out, "onveranderd") == 0); /* written only on success */
	error_clear(&e);
	CHECK(identificatie_iban("NL91ABNA041716430", out, "/iban", &e) == RC_INVALID);
	CHECK(strcmp(e.items[0].code, "iban_lengte") == 0);
	error_clear(&e);
	CHECK(identificatie_iban("9191ABNA0417164300", out, "/iban", &e) == RC_INVALID);
	CHECK(strcmp(e.items[0].code, "iban_vorm") == 0);
	error_clear(&e);
	CHECK(identificatie_iban("NL91-ABNA-0417-1643-00", out, "/iban", &e) == RC_INVALID);
	error_clear(&e);
	CHECK(identificatie_iban("", out, "/iban", &e) == RC_INVALID);
	error_clear(&e);
	CHECK(identificatie_iban("NL91ABNA04171643000000000000000000000", out, "/iban", &e) == RC_INVALID);
	CHECK(strcmp(e.items[0].field, "/iban") == 0);
}

TEST(iban_mod97)
{
	CHECK(identificatie_iban_mod97("NL91ABNA0417164300") == 1);
	CHECK(identificatie_iban_mod97("NL91ABNA0417164301") != 1);
	CHECK(identificatie_iban_mod97("NL91abna0417164300") == -1);
}

TEST(gemeenten_of_the_reference_year)
{
	CHECK(identificatie_gemeente_aantal() == 342);
	const struct gemeente *g = identificatie_gemeente("0014");
	CHECK(g && strcmp(g->naam, "Groningen") == 0 && strcmp(g->provincie, "Groningen") == 0);
	g = identificatie_gemeente("GM0363");
	CHECK(g && strcmp(g->naam, "Amsterdam") == 0);
	g = identificatie_gemeente("0820");
	CHECK(g && strcmp(g->naam, "Nuenen, Gerwen en Nederwetten") == 0);
	CHECK(identificatie_gemeente("0000") == NULL);
	CHECK(identificatie_gemeente("014") == NULL);
	CHECK(identificatie_gemeente("GM14") == NULL);
	CHECK(identificatie_gemeente(NULL) == NULL);
	CHECK(identificatie_gemeente_nr(0) != NULL);
	CHECK(identificatie_gemeente_nr(342) == NULL);
}

int main(void)
{
	RUN(agb_kvk_uzovi_form);
	RUN(iban_valid_and_normalised);
	RUN(iban_bad_check_length_and_form);
	RUN(iban_mod97);
	RUN(gemeenten_of_the_reference_year);
	return HARNESS_END();
}
