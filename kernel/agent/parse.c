// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Parser of one encoded program (kernel/host/encode.ts): a header line
 * "P <index> <first chained desc id> <steps>" and one line per step,
 * "<kind> <int>...", kind c (call), a (call with a spinlock held, IRQs off),
 * h (call from a hard-IRQ handler), w (wait) or s (sleep).
 */
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include "agent.h"

static void skip_blanks(const char **p, const char *end)
{
	while (*p < end && (**p == ' ' || **p == '\t' || **p == '\r'))
		(*p)++;
}

static bool next_int(const char **p, const char *end, s32 *out)
{
	bool neg = false;
	s64 v = 0;
	const char *start;

	skip_blanks(p, end);
	if (*p < end && **p == '-') {
		neg = true;
		(*p)++;
	}
	start = *p;
	while (*p < end && **p >= '0' && **p <= '9' && v <= S32_MAX) {
		v = v * 10 + (**p - '0');
		(*p)++;
	}
	if (*p == start || v > S32_MAX)
		return false;
	*out = neg ? -(s32)v : (s32)v;
	return true;
}

static bool at_eol(const char **p, const char *end)
{
	skip_blanks(p, end);
	if (*p >= end)
		return true;
	if (**p != '\n')
		return false;
	(*p)++;
	return true;
}

/* Parses the program at *cursor; returns 0, -ENODATA at the end of the batch, or -EINVAL. */
int agent_parse(const char **cursor, const char *end, struct agent_prog *p)
{
	const char *c = *cursor;
	s32 nsteps, v;
	int i;

	while (c < end && (*c == '\n' || *c == ' '))
		c++;
	if (c >= end)
		return -ENODATA;
	if (*c++ != 'P' || !next_int(&c, end, &v) ||
	    !next_int(&c, end, &p->next_desc) || !next_int(&c, end, &nsteps) ||
	    !at_eol(&c, end) || nsteps < 0 || nsteps > AGENT_MAX_STEPS)
		return -EINVAL;
	p->index = v;
	p->nsteps = nsteps;
	p->nargs = 0;
	for (i = 0; i < nsteps; i++) {
		struct agent_step *s = &p->steps[i];

		skip_blanks(&c, end);
		if (c >= end || !*c || !strchr("cahws", *c))
			return -EINVAL;
		s->kind = *c++;
		s->off = p->nargs;
		while (!at_eol(&c, end)) {
			if (p->nargs >= AGENT_MAX_ARGS || !next_int(&c, end, &p->args[p->nargs]))
				return -EINVAL;
			p->nargs++;
		}
		s->nargs = p->nargs - s->off;
	}
	*cursor = c;
	return 0;
}
