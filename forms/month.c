/* month: months as people type them, turned into the standard's YYYY-MM. */
#include "config.h"
#include "forms/month.h"

#include <stdio.h>
#include <string.h>

/* Dutch and English names and the abbreviations in use, by month. */
static const char *const names[12][6] = {
	{ "januari", "january", "jan" },
	{ "februari", "february", "feb", "febr" },
	{ "maart", "march", "mrt", "maa", "mar" },
	{ "april", "apr" },
	{ "mei", "may" },
	{ "juni", "june", "jun" },
	{ "juli", "july", "jul" },
	{ "augustus", "august", "aug" },
	{ "september", "sep", "sept" },
	{ "oktober", "october", "okt", "oct" },
	{ "november", "nov" },
	{ "december", "dec" },
};

enum { MAX_TOKENS = 4, MAX_TOKEN = 12 };

typedef struct token {
	char s[MAX_TOKEN + 1];
	size_t len;
	bool digits;
} token;

static int month_by_name(const char *w)
{
	for (int m = 0; m < 12; m++)
		for (int i = 0; i < 6 && names[m][i]; i++)
			if (!strcmp(w, names[m][i]))
				return m + 1;
	return 0;
}

static int number(const token *t)
{
	int v = 0;
	for (size_t i = 0; i < t->len; i++)
		v = v * 10 + (t->s[i] - '0');
	return v;
}

/* Splits s into runs of ASCII letters (lowered) and of digits; spaces,
 * '-', '/', '.' and ',' separate. False for any other byte, too many or too
 * long runs. */
static bool split(const char *s, token *t, size_t *n)
{
	*n = 0;
	const char *p = s;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == '.' || c == ',') {
			p++;
			continue;
		}
		bool digit = c >= '0' && c <= '9';
		bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
		if (!digit && !letter)
			return false;
		if (*n == MAX_TOKENS)
			return false;
		token *k = &t[(*n)++];
		k->len = 0;
		k->digits = digit;
		while (*p) {
			c = (unsigned char)*p;
			bool d = c >= '0' && c <= '9';
			bool l = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			if (digit ? !d : !l)
				break;
			if (k->len == MAX_TOKEN)
				return false;
			k->s[k->len++] = (char)(digit ? c : (c | 0x20));
			p++;
		}
		k->s[k->len] = '\0';
	}
	return true;
}

static bool put(int year, int month, char out[8])
{
	if (year < 1900 || year > 9999 || month < 1 || month > 12)
		return false;
	snprintf(out, 8, "%04d-%02d", year, month);
	return true;
}

static bool is_year(const token *t)
{
	return t->digits && t->len == 4;
}

static bool is_small(const token *t) /* a month or a day in digits */
{
	return t->digits && t->len >= 1 && t->len <= 2;
}

bool month_normalize(const char *s, char out[8])
{
	token t[MAX_TOKENS];
	size_t n;
	if (!s || !split(s, t, &n) || n == 0)
		return false;
	if (n == 1) /* YYYYMM */
		return t[0].digits && t[0].len == 6 &&
		       put(number(&t[0]) / 100, number(&t[0]) % 100, out);
	/* Where a name stands, it gives the month; the year is the one 4-digit
	 * number, and a day may stand before the name. */
	int named = 0;
	size_t at = 0;
	for (size_t i = 0; i < n; i++)
		if (!t[i].digits) {
			if (named)
				return false;
			if (!(named = month_by_name(t[i].s)))
				return false;
			at = i;
		}
	if (named) {
		if (n == 2)
			return is_year(&t[1 - at]) && put(number(&t[1 - at]), named, out);
		/* "1 maart 2021" */
		return n == 3 && at == 1 && is_small(&t[0]) && number(&t[0]) >= 1 && number(&t[0]) <= 31 &&
		       is_year(&t[2]) && put(number(&t[2]), named, out);
	}
	if (n == 2 && is_year(&t[0]) && is_small(&t[1]))
		return put(number(&t[0]), number(&t[1]), out);
	if (n == 2 && is_small(&t[0]) && is_year(&t[1]))
		return put(number(&t[1]), number(&t[0]), out);
	/* YYYY-MM-DD, never DD-MM-YYYY (read differently elsewhere). */
	if (n == 3 && is_year(&t[0]) && t[1].len == 2 && t[2].len == 2 && t[1].digits && t[2].digits &&
	    number(&t[2]) >= 1 && number(&t[2]) <= 31)
		return put(number(&t[0]), number(&t[1]), out);
	return false;
}
