/*
 * csv.h -- a field of the CSV files the system writes (UTF-8, ';' between
 * fields, CRLF between rows, as Dutch spreadsheets read them).
 */
#ifndef DOORBRAAK_CSV_H
#define DOORBRAAK_CSV_H

#include <stdio.h>

/* Writes text `t` as one field (nothing for NULL): quoted, with quotes
 * doubled, when it holds ';', '"' or a line break; a text a spreadsheet
 * would take for a formula (starting with = + - @, a tab or a carriage
 * return) gets a leading apostrophe, so opening the file runs nothing. */
void csv_veld(FILE *f, const char *t);

#endif
