/*
 * csv.h -- a field of the CSV files the system writes (UTF-8, ';' between
 * fields, CRLF between rows, as Dutch spreadsheets read them), and one
 * line of the CSV files it reads (',' between fields, RFC 4180 quotes).
 */
#ifndef DOORBRAAK_CSV_H
#define DOORBRAAK_CSV_H

#include <stddef.h>
#include <stdio.h>

/* Writes text `t` as one field (nothing for NULL): quoted, with quotes
 * doubled, when it holds ';', '"' or a line break; a text a spreadsheet
 * would take for a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so opening the file runs nothing. */
void csv_veld(FILE *f, const char *t);

/* Splits one line line[0..len) (no line break inside; '\r' is dropped)
 * into fields separated by ',', with RFC 4180 quotes ("" is a quote).
 * The fields are written NUL-terminated into buf[0..cap) and velden[i]
 * points at field i, for at most `max` fields; a field that does not fit
 * in buf is cut (cap >= len + 1 never cuts). Returns the number of fields
 * the line has, which may exceed `max`. */
size_t csv_regel(const char *line, size_t len, char *buf, size_t cap, const char **velden, size_t max);

#endif
