/* month: reading a month as people type it. The standard stores months as
 * YYYY-MM; a person writes "maart 2021", "mrt 2021", "March 2021",
 * "03-2021", "3/2021" or "2021-3". Pure. */
#ifndef ALGEDIT_FORMS_MONTH_H
#define ALGEDIT_FORMS_MONTH_H

#include <stdbool.h>

/* Reads s as a month and writes it as "YYYY-MM" to out. Accepted: YYYY-MM
 * and YYYY-M (also with / . or a space), MM-YYYY and M-YYYY (the same
 * separators), YYYYMM, an ISO date YYYY-MM-DD, and a Dutch or English
 * month name or abbreviation with the year on either side ("maart 2021",
 * "mrt. 2021", "2021 maart", "Sept 2021", "1 maart 2021"), in any case.
 * False, out untouched, for anything else: a year alone, a day-month-year
 * in digits (01-03-2021 is read differently in the Netherlands and the
 * US), a month out of 1..12, a year before 1900. */
bool month_normalize(const char *s, char out[8]);

#endif
