// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * The record buffer: preallocated, appended from any context (probes run in
 * hard-IRQ context: no allocation, no sleeping), formatted to text after the
 * program has run.
 */
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include "agent.h"

/* Appends one record; on overflow the program is marked incomplete. */
void agent_rec(char k, char sub, int n, const s32 *v)
{
	struct agent_run *r = agent_run;
	struct agent_rec *e;
	unsigned long flags;
	int i;

	if (!r || !READ_ONCE(agent_recording))
		return;
	local_irq_save(flags);
	if (r->nrecs >= AGENT_MAX_RECS) {
		r->overflow = true;
		local_irq_restore(flags);
		return;
	}
	e = &r->recs[r->nrecs++];
	e->k = k;
	e->sub = sub;
	for (i = 0; i < ARRAY_SIZE(e->v); i++)
		e->v[i] = i < n ? v[i] : 0;
	local_irq_restore(flags);
}

/* Number of values each record kind carries (kernel/README.md §Log). */
static int rec_arity(const struct agent_rec *e)
{
	switch (e->k) {
	case 'C': return 3;	/* step index, cookie argument, real context */
	case 'A': return 4;	/* op, action index, desc, cookie */
	case 'R':
		switch (e->sub) {
		case 'v': case 'o': case 'n': return 0;
		case 'i': case 'k': case 'b': return 1;
		case 'm': return 2;
		case 's': return 5;
		case 'c': return 11;
		default: return 1;
		}
	case 'I': case 'T': return 1;	/* chan */
	case 'N': case 'Z': return 0;
	case 'B': return 7;
	case 'E':
		switch (e->sub) {
		case 'h': return 2;
		case 'c': return 3;
		case 's': return 1;
		case 'f': return 3;
		default: return 0;
		}
	case 'W': return 2;	/* step index, done */
	case 'X': case 'Q': return 1;	/* abort reason; quiescent */
	case 'K': return 3;	/* chan, device id, channel id: dma<dev>chan<id> */
	default: return 0;
	}
}

/* Formats the records as text lines into out (at most cap bytes); returns the length. */
size_t agent_format(char *out, size_t cap)
{
	struct agent_run *r = agent_run;
	size_t len = 0;
	int i, j;

	for (i = 0; i < r->nrecs && len + 160 < cap; i++) {
		const struct agent_rec *e = &r->recs[i];

		out[len++] = e->k;
		if (e->sub)
			out[len++] = e->sub;
		for (j = 0; j < rec_arity(e); j++)
			len += scnprintf(out + len, cap - len, " %d", e->v[j]);
		out[len++] = '\n';
	}
	if (i < r->nrecs)
		r->overflow = true;
	return len;
}
