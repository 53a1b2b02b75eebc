/* progress: filled fields, counted once (see progress.h). */
#include "config.h"
#include "forms/progress.h"
#include "forms/rules.h"

bool field_filled(const description *d, const std_field *f)
{
	const ynode *v = desc_get(d, f);
	if (!v)
		return false;
	switch (v->type) {
	case Y_STR: return !field_text_blank(d, v->str, v->len);
	case Y_SEQ:
	case Y_MAP: return v->n > 0;
	case Y_NUM:
	case Y_BOOL: return true;
	default: return false;
	}
}

void desc_count_filled(const description *d, desc_counts *c)
{
	*c = (desc_counts){ 0 };
	for (size_t i = 0; i < d->std->nfields; i++) {
		const std_field *f = &d->std->fields[i];
		bool filled = field_filled(d, f);
		if (f->required) {
			c->req_total++;
			c->req_filled += filled;
		}
		if (f->show_always) {
			c->always_total++;
			c->always_filled += filled;
		}
	}
}

size_t section_filled(const description *d, size_t s, size_t *total)
{
	const std_section *sec = &d->std->sections[s];
	size_t n = 0;
	for (size_t i = sec->first; i < sec->first + sec->count; i++)
		n += field_filled(d, &d->std->fields[i]);
	*total = sec->count;
	return n;
}
