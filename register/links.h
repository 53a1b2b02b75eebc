/* links: checks the web addresses of a description (algedit check --links,
 * and a key in the editor). HEAD first, GET where HEAD is refused,
 * redirects followed, a few addresses at a time, a timeout of a few seconds.
 * Never sends a token, a cookie or a password. */
#ifndef ALGEDIT_LINKS_H
#define ALGEDIT_LINKS_H

#include <stddef.h>

#include "forms/quality.h"

#define LINKS_TIMEOUT 5     /* seconds per address (ALGEDIT_LINK_TIMEOUT overrides) */
#define LINKS_PARALLEL 4    /* addresses at a time */

/* Fills out[i] for l[i]. Returns 0, or -1 with a translated *err (caller
 * frees) when the network library cannot be loaded; then every result is
 * LINK_UNCHECKED. */
int links_check(const desc_link *l, size_t n, link_result *out, char **err);

#endif
