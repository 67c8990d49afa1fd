/*
 * verdeelsleutel.h -- a pot divided by a distribution key, in whole cents
 * (issue 16; docs/sociaal-domein.md §1).
 *
 * VWS allocates the year's EUR 100 mln of the social-domain track per
 * region or per municipality with a generic key that is data (default: the
 * share of inhabitants) [003 D5], [001]. The parts are apportioned with the
 * largest-remainder method (Hamilton): every recipient first gets
 * floor(pot x weight / total weight) cents; the cents left over go one at
 * a time to the largest remainders, ties broken by the larger weight and
 * then by the recipient's id (byte order). So the parts sum exactly to the
 * pot, each part is within one cent of its exact quota, and equal input --
 * in any order -- gives the same parts. Integer arithmetic only; the
 * products are formed in 128 bits, so no pot or weight that fits in
 * int64 can overflow.
 */
#ifndef DOORBRAAK_VERDEELSLEUTEL_H
#define DOORBRAAK_VERDEELSLEUTEL_H

#include <stddef.h>
#include <stdint.h>

#include "core/basis/error.h"

/* One recipient: its id (a CBS code or a region's code) and its weight
 * (inhabitants, or any non-negative number the key names). */
struct verdeelsleutel_deel {
	const char *id;
	int64_t gewicht;
};

/* Divides `pot_cent` (>= 0) over the n recipients: uit[i] for delen[i].
 * Refused with every problem at once (RC_INVALID, nothing written): no
 * recipients ("/delen"), an id missing or twice, a negative weight
 * ("/delen/<i>/gewicht"), a total weight of 0 or beyond int64 ("/delen"),
 * a negative pot ("/pot_cent"). */
rc_t verdeelsleutel_verdeel(int64_t pot_cent, const struct verdeelsleutel_deel *delen, size_t n, int64_t *uit,
			    struct error *e);

#endif
