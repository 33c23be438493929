// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * The client's completion callbacks: record the invocation with its real
 * context, run the program's callback actions (their calls recorded with
 * ctx callback), count the invocation for waits.
 */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include "agent.h"

/* Whether the channel's vc lock is held: a bounded trylock (one CPU, so not by another CPU). */
static bool vc_lock_held(struct agent_chan *c)
{
	if (!spin_trylock(&c->vc->lock))
		return true;
	spin_unlock(&c->vc->lock);
	return false;
}

static void act_chain(struct agent_desc *d, int ai, const struct agent_act *a)
{
	struct agent_run *r = agent_run;
	struct agent_chan *c = agent_chan_at(d->chan);
	struct agent_buf *b = agent_buf_at(a->buf);
	struct dma_async_tx_descriptor *tx;
	struct agent_desc *nd;
	struct scatterlist sg;
	dma_cookie_t cookie;

	if (!c || c->released || !b || !b->mapped || a->len <= 0 || a->len > b->len)
		return;
	nd = agent_desc_new(r->prog.next_desc++, d->chan);
	if (!nd)
		return;
	sg_init_table(&sg, 1);
	sg_dma_address(&sg) = b->dma;
	sg_dma_len(&sg) = a->len;
	REC('A', 0, OP_PREP_SLAVE_SG, ai, nd->id, 0);
	tx = dmaengine_prep_slave_sg(c->chan, &sg, 1, a->dir, DMA_PREP_INTERRUPT | DMA_CTRL_ACK);
	if (!tx) {
		REC('R', 'n');
		return;
	}
	REC('R', 'o');
	nd->tx = tx;
	REC('A', 0, OP_SUBMIT, ai, nd->id, 0);
	cookie = dmaengine_submit(tx);
	nd->cookie = cookie;
	nd->owned = cookie > 0;
	REC('R', 'k', cookie);
	REC('A', 0, OP_ISSUE_PENDING, ai, nd->id, 0);
	dma_async_issue_pending(c->chan);
	agent_checkpoint();
	REC('R', 'v');
}

static void run_action(struct agent_desc *d, int ai, const struct agent_act *a)
{
	struct agent_chan *c = agent_chan_at(d->chan);
	struct dma_tx_state state = {};
	enum dma_status st;
	struct agent_buf *b;

	if (!c || c->released)
		return;
	switch (a->kind) {
	case ACT_NONE:
	case ACT_BUSY_WAIT_PERIPH:	/* the RAM word has no FIFO level to wait on */
		return;
	case ACT_CHAIN:
		act_chain(d, ai, a);
		return;
	case ACT_TERMINATE_ASYNC:
		REC('A', 0, OP_TERMINATE_ASYNC, ai, d->id, 0);
		agent_rec_int(dmaengine_terminate_async(c->chan));
		return;
	case ACT_SYNCHRONIZE:
		REC('A', 0, OP_SYNCHRONIZE, ai, d->id, 0);
		agent_abort(1);
		return;
	case ACT_TERMINATE_SYNC:
		REC('A', 0, OP_TERMINATE_SYNC, ai, d->id, 0);
		agent_abort(1);
		return;
	case ACT_READ_METADATA:
		/* The client reads ENGINE metadata only where the mode exists (META-1). */
		if (!dmaengine_is_metadata_mode_supported(c->chan, DESC_METADATA_ENGINE))
			return;
		REC('A', 0, OP_GET_METADATA_PTR, ai, d->id, 0);
		{
			size_t plen = 0, mlen = 0;
			void *p = dmaengine_desc_get_metadata_ptr(d->tx, &plen, &mlen);

			if (IS_ERR(p))
				REC('R', 'i', (s32)PTR_ERR(p));
			else
				REC('R', 'm', (s32)plen, (s32)mlen);
		}
		return;
	case ACT_TX_STATUS:
		if (d->cookie <= 0)
			return;
		REC('A', 0, OP_TX_STATUS, ai, d->id, d->cookie);
		st = dmaengine_tx_status(c->chan, d->cookie, &state);
		agent_rec_status(st, state.last, state.used, state.residue, true);
		return;
	case ACT_RESUBMIT_SELF:
		/*
		 * DESC-16: vchan_complete() has list_del()ed the descriptor; its
		 * tx_submit list_move()s the poisoned node and the kernel BUG()s
		 * (measured). Recorded, not made.
		 */
		REC('A', 0, OP_SUBMIT, ai, d->id, 0);
		agent_abort(1);
		return;
	case ACT_UNMAP:
		b = agent_buf_at(a->buf);
		if (!b || !b->mapped)
			return;
		REC('A', 0, OP_UNMAP_BUF, ai, d->id, a->buf);
		dma_unmap_single(b->dev, b->dma, b->len, DMA_BIDIRECTIONAL);
		b->mapped = false;
		REC('R', 'v');
		return;
	}
}

static void run_callback(struct agent_desc *d, int fn, const struct dmaengine_result *res)
{
	struct agent_run *r = agent_run;
	struct agent_chan *c = agent_chan_at(d->chan);
	int i;

	if (READ_ONCE(agent_recording) && c) {
		agent_checkpoint();
		REC('B', 0, d->chan, d->id, fn, agent_ctx(), vc_lock_held(c),
		    res ? (s32)res->result : -1, res ? (s32)res->residue : 0);
		for (i = 0; i < d->nact && READ_ONCE(agent_recording); i++)
			run_action(d, i, &d->act[i]);
		REC('Z', 0);
	}
	WRITE_ONCE(d->cb_count, d->cb_count + 1);
	wake_up(&r->wq);
}

static void agent_callback(void *param)
{
	run_callback(param, 0, NULL);
}

static void agent_callback_result(void *param, const struct dmaengine_result *res)
{
	run_callback(param, 1, res);
}

void agent_set_callback(struct agent_desc *d, const s32 *a, int nargs)
{
	int i;

	d->fn = a[1];
	d->nact = min_t(int, a[2], AGENT_MAX_SEQ);
	for (i = 0; i < d->nact && 3 + 4 * i + 3 < nargs; i++) {
		d->act[i].kind = a[3 + 4 * i];
		d->act[i].buf = a[4 + 4 * i];
		d->act[i].len = a[5 + 4 * i];
		d->act[i].dir = a[6 + 4 * i];
	}
	d->nact = i;
	if (d->fn) {
		d->tx->callback = NULL;
		d->tx->callback_result = agent_callback_result;
	} else {
		d->tx->callback_result = NULL;
		d->tx->callback = agent_callback;
	}
	d->tx->callback_param = d;
}
