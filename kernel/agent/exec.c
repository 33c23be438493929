// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Runs one parsed program: its steps in order (calls, waits with their
 * onTimeout lines, sleeps), then checks the program ended quiescent and frees
 * everything it left, unrecorded. Calls the guest cannot survive are recorded
 * and not made (kernel/README.md): the program stops inside that call.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include "agent.h"

/* Runs a wait step: 1 done, 0 timed out (run onTimeout), -1 skipped (names no descriptor). */
static int exec_wait(int pc, const s32 *a, int nargs)
{
	struct agent_run *r = agent_run;
	struct agent_desc *d;
	struct agent_chan *c;
	long left;
	bool ok = false;

	if (nargs < 6)
		return -1;
	d = agent_desc_find(a[1]);
	if (!d || !d->tx)
		return -1;
	if (a[0] == 0) {
		left = wait_event_timeout(r->wq, READ_ONCE(d->cb_count) >= a[2],
					  usecs_to_jiffies(a[3]) + 1);
		ok = left > 0;
	} else {
		ktime_t deadline = ktime_add_us(ktime_get(), a[3]);
		struct dma_tx_state state = {};
		enum dma_status st;

		c = agent_chan_at(d->chan);
		if (!c || c->released || d->cookie <= 0)
			return -1;
		for (;;) {
			agent_checkpoint();
			REC('C', 0, pc, d->cookie, agent_ctx());
			st = dmaengine_tx_status(c->chan, d->cookie, &state);
			agent_rec_status(st, state.last, state.used, state.residue, true);
			if (st == DMA_COMPLETE) {
				ok = true;
				break;
			}
			if (ktime_after(ktime_get(), deadline))
				break;
			usleep_range(max(a[4], 1), max(a[4], 1) + a[4] / 4 + 10);
		}
	}
	REC('W', 0, pc, ok);
	return ok;
}

/* Step lines [from, to) of one atomic section or one hard-IRQ handler. */
struct step_group {
	int from, to;
};

static void run_group(void *arg)
{
	struct step_group *g = arg;
	struct agent_prog *p = &agent_run->prog;
	int pc;

	for (pc = g->from; pc < g->to && !agent_run->aborted; pc++)
		agent_exec_call(pc, &p->args[p->steps[pc].off], p->steps[pc].nargs);
}

/*
 * Runs consecutive call lines of the same kind 'a' or 'h' from pc as one
 * spinlocked section or one hard-IRQ handler (docs/PROGRAM.md); returns the
 * last line run.
 */
static int exec_group(int pc)
{
	struct agent_prog *p = &agent_run->prog;
	struct step_group g = { pc, pc + 1 };

	while (g.to < p->nsteps && p->steps[g.to].kind == p->steps[pc].kind)
		g.to++;
	if (!agent_in_ctx(p->steps[pc].kind, run_group, &g))
		agent_abort(6);	/* the hard-IRQ work did not run: not made */
	return g.to - 1;
}

/* Runs the parsed program in agent_run->prog. */
void agent_exec(void)
{
	struct agent_run *r = agent_run;
	struct agent_prog *p = &r->prog;
	int pc = 0;

	WRITE_ONCE(agent_recording, true);
	while (pc < p->nsteps && !r->aborted) {
		const struct agent_step *s = &p->steps[pc];
		const s32 *a = &p->args[s->off];

		switch (s->kind) {
		case 'c':
			agent_exec_call(pc, a, s->nargs);
			break;
		case 'a':
		case 'h':
			pc = exec_group(pc);
			break;
		case 'w':
			/* the onTimeout block follows the wait: run it only on a timeout */
			if (exec_wait(pc, a, s->nargs) != 0 && s->nargs >= 6)
				pc += a[5];
			break;
		case 's':
			if (s->nargs >= 1 && a[0] > 0) {
				if (a[0] >= 20000)
					msleep(a[0] / 1000);
				else
					usleep_range(a[0], a[0] + a[0] / 8 + 10);
			}
			break;
		}
		pc++;
	}
}

/* Quiescent: no completion tasklet pending or running and nothing left issued. */
static bool quiescent(void)
{
	struct agent_run *r = agent_run;
	int i, tries;

	for (tries = 0; tries < 20; tries++) {
		bool idle = true;

		for (i = 0; i < r->nchans; i++) {
			struct agent_chan *c = &r->chans[i];
			unsigned long flags;

			if (!c->chan || c->released)
				continue;
			if (c->vc->task.state)
				idle = false;
			spin_lock_irqsave(&c->vc->lock, flags);
			if (!list_empty(&c->vc->desc_issued) || !list_empty(&c->vc->desc_completed))
				idle = false;
			spin_unlock_irqrestore(&c->vc->lock, flags);
		}
		if (idle)
			return true;
		usleep_range(500, 1000);
	}
	return false;
}

/* Ends the program: records whether it ended quiescent, then frees everything unrecorded. */
void agent_cleanup(void)
{
	struct agent_run *r = agent_run;
	int i;
	bool idle;

	idle = !r->aborted && quiescent();
	agent_checkpoint();
	REC('Q', 0, idle);
	WRITE_ONCE(agent_recording, false);
	for (i = 0; i < r->nchans; i++) {
		struct agent_chan *c = &r->chans[i];

		if (!c->chan)
			continue;
		if (!c->released) {
			dmaengine_terminate_sync(c->chan);
			dma_release_channel(c->chan);
		}
		if (c->fifo)
			dma_free_coherent(c->fifo_dev, sizeof(u32), c->fifo, c->fifo_dma);
	}
	for (i = 0; i < AGENT_MAX_BUFS; i++) {
		struct agent_buf *b = &r->bufs[i];

		if (b->mapped)
			dma_unmap_single(b->dev, b->dma, b->len, DMA_BIDIRECTIONAL);
		kfree(b->cpu);
	}
	for (i = 0; i < r->nquar; i++)
		kfree(r->quarantine[i]);
}
