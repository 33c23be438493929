// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * The running program's objects (channels, buffers, descriptors by id) and
 * the record helpers shared by the call, callback and wait code.
 */
#include "agent.h"

struct agent_run *agent_run;
bool agent_recording;

struct agent_chan *agent_chan_at(s32 i)
{
	struct agent_run *r = agent_run;

	return i >= 0 && i < r->nchans && r->chans[i].chan ? &r->chans[i] : NULL;
}

struct agent_buf *agent_buf_at(s32 i)
{
	struct agent_run *r = agent_run;

	return i >= 0 && i < AGENT_MAX_BUFS && r->bufs[i].cpu ? &r->bufs[i] : NULL;
}

struct agent_desc *agent_desc_find(s32 id)
{
	struct agent_run *r = agent_run;
	int i;

	for (i = r->ndescs - 1; i >= 0; i--)
		if (r->descs[i].id == id)
			return &r->descs[i];
	return NULL;
}

/* A new descriptor slot for id (a re-used id names the newest prep). */
struct agent_desc *agent_desc_new(s32 id, s32 chan)
{
	struct agent_run *r = agent_run;
	struct agent_desc *d;

	if (r->ndescs >= AGENT_MAX_DESCS)
		return NULL;
	d = &r->descs[r->ndescs++];
	memset(d, 0, sizeof(*d));
	d->id = id;
	d->chan = chan;
	return d;
}

void agent_abort(int why)
{
	REC('X', 0, why);
	agent_run->aborted = true;
	WRITE_ONCE(agent_recording, false);
}

/*
 * The real context of the caller. Without CONFIG_PREEMPT_COUNT (Debian's arm64
 * kernel is PREEMPT_VOLUNTARY) a spinlock leaves preempt_count() alone, so the
 * atomic sections the agent makes are seen by irqs_disabled().
 */
int agent_ctx(void)
{
	if (in_hardirq())
		return CTX_HARDIRQ;
	if (in_serving_softirq())
		return CTX_TASKLET;
	if (!in_task() || in_atomic() || irqs_disabled())
		return CTX_ATOMIC;
	return CTX_PROCESS;
}

void agent_rec_int(int v)
{
	REC('R', 'i', v);
}

void agent_rec_status(enum dma_status st, dma_cookie_t last, dma_cookie_t used, u32 residue, bool with)
{
	REC('R', 's', st, last, used, residue, with);
}
