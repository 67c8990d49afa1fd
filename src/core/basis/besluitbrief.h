/*
 * besluitbrief.h -- what every decision the system issues carries, so
 * that it can be sent as it is (issue 18; docs/documenten.md):
 *
 *   the head     who sends it and from where, to whom (the addressee and
 *                its place), copies, the date in Dutch ("23 maart 2026"),
 *                the reference and the subject;
 *   the basis    the rules the decision rests on (given by the caller,
 *                each with its source);
 *   the signing  "<body>, namens deze," the official's name and function,
 *                as the account of the one who took it names them
 *                (gebruiker.naam, gebruiker.functie);
 *   objection    the clause of the General Administrative Law Act: within
 *                six weeks after the day of notification (Awb art. 6:7,
 *                6:8), to the body that decided, in writing, signed, with
 *                name and address, date, the decision and the grounds
 *                (Awb art. 6:5).
 *
 * The parts are document blocks (core/basis/document.h), so the HTML and
 * the PDF of a decision say exactly the same.
 */
#ifndef DOORBRAAK_BESLUITBRIEF_H
#define DOORBRAAK_BESLUITBRIEF_H

#include "core/basis/document.h"

struct besluitbrief_kop {
	const char *afzender;        /* "Nederlandse Zorgautoriteit (NZa)" */
	const char *afzender_plaats; /* "Utrecht"; NULL when unknown */
	const char *aan;             /* the addressee's name */
	const char *aan_plaats;      /* its place; NULL when unknown */
	const char *aan_rol;         /* how it is addressed ("penvoerder namens de zorgaanbieders"); NULL */
	const char *afschrift;       /* copies to ("A en B"); NULL for none */
	const char *moment;          /* when it was taken, ISO 8601 */
	const char *kenmerk;
	const char *onderwerp;
};

/* The head: the sender and place with the Dutch date, the addressee, the
 * copies, the reference and the subject, then "Geachte heer, mevrouw,". */
void besluitbrief_kop(struct document *d, const struct besluitbrief_kop *k);

/* The signing block: "Hoogachtend," "<orgaan>, namens deze," and the
 * official's name and function. Without a name (an account from before
 * names were asked, the demo data) it says who took it by `wie` instead,
 * plainly. */
void besluitbrief_ondertekening(struct document *d, const char *orgaan, const char *naam, const char *functie,
				const char *wie);

/* The objection clause (Awb art. 6:7, 6:8, 6:5) naming the body `orgaan`
 * that decided and its place. */
void besluitbrief_bezwaar(struct document *d, const char *orgaan, const char *plaats);

#endif
