// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Runs one parsed program against real channels through the dmaengine API
 * and records each call, its return, and the callbacks (with their real
 * context). Steps naming a channel, buffer or descriptor that a failed call
 * never produced are skipped (docs/PROGRAM.md §Running a program). Calls the
 * guest cannot survive (a descriptor or channel used after it was freed, a
 * synchronize from inside the completion tasklet, which would spin in
 * tasklet_kill() forever on one CPU) are recorded and not made: the program
 * stops there and its trace ends inside that call.
 */
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include "agent.h"

#define SG_MAX 16

struct agent_run *agent_run;
bool agent_recording;

enum { CTX_PROCESS, CTX_ATOMIC, CTX_HARDIRQ, CTX_TASKLET };

static struct agent_chan *chan_at(s32 i)
{
	struct agent_run *r = agent_run;

	return i >= 0 && i < r->nchans && r->chans[i].chan ? &r->chans[i] : NULL;
}

static struct agent_buf *buf_at(s32 i)
{
	struct agent_run *r = agent_run;

	return i >= 0 && i < AGENT_MAX_BUFS && r->bufs[i].cpu ? &r->bufs[i] : NULL;
}

static struct agent_desc *desc_find(s32 id)
{
	struct agent_run *r = agent_run;
	int i;

	for (i = r->ndescs - 1; i >= 0; i--)
		if (r->descs[i].id == id)
			return &r->descs[i];
	return NULL;
}

/* A new descriptor slot for id (a re-used id names the newest prep). */
static struct agent_desc *desc_new(s32 id, s32 chan)
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

static void abort_here(int why)
{
	REC('X', 0, why);
	agent_run->aborted = true;
	WRITE_ONCE(agent_recording, false);
}

static void rec_int(int v)
{
	REC('R', 'i', v);
}

static void rec_status(enum dma_status st, dma_cookie_t last, dma_cookie_t used, u32 residue, bool with)
{
	REC('R', 's', st, last, used, residue, with);
}

/* --- callbacks --- */

static int engine_ctx(void)
{
	if (in_hardirq())
		return CTX_HARDIRQ;
	if (in_serving_softirq())
		return CTX_TASKLET;
	if (!in_task() || irqs_disabled())
		return CTX_ATOMIC;
	return CTX_PROCESS;
}

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
	struct agent_chan *c = chan_at(d->chan);
	struct agent_buf *b = buf_at(a->buf);
	struct dma_async_tx_descriptor *tx;
	struct agent_desc *nd;
	struct scatterlist sg;
	dma_cookie_t cookie;

	if (!c || c->released || !b || !b->mapped || a->len <= 0 || a->len > b->len)
		return;
	nd = desc_new(r->prog.next_desc++, d->chan);
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
	struct agent_chan *c = chan_at(d->chan);
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
		rec_int(dmaengine_terminate_async(c->chan));
		return;
	case ACT_SYNCHRONIZE:
		REC('A', 0, OP_SYNCHRONIZE, ai, d->id, 0);
		abort_here(1);
		return;
	case ACT_TERMINATE_SYNC:
		REC('A', 0, OP_TERMINATE_SYNC, ai, d->id, 0);
		abort_here(1);
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
		rec_status(st, state.last, state.used, state.residue, true);
		return;
	case ACT_RESUBMIT_SELF:
		/*
		 * DESC-16: vchan_complete() has list_del()ed the descriptor; its
		 * tx_submit list_move()s the poisoned node and the kernel BUG()s
		 * (measured). Recorded, not made.
		 */
		REC('A', 0, OP_SUBMIT, ai, d->id, 0);
		abort_here(1);
		return;
	case ACT_UNMAP:
		b = buf_at(a->buf);
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
	struct agent_chan *c = chan_at(d->chan);
	int i;

	if (READ_ONCE(agent_recording) && c) {
		agent_checkpoint();
		REC('B', 0, d->chan, d->id, fn, engine_ctx(), vc_lock_held(c),
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

/* --- calls from program steps --- */

static void call_request(s32 mask_kind)
{
	struct agent_run *r = agent_run;
	struct agent_chan *c;
	dma_cap_mask_t mask;
	struct device *dev;

	if (r->nchans >= AGENT_MAX_CHANS) {
		abort_here(4);	/* out of agent slots: not asked of the kernel */
		return;
	}
	c = &r->chans[r->nchans++];
	memset(c, 0, sizeof(*c));
	dma_cap_zero(mask);
	dma_cap_set(mask_kind == 1 ? DMA_MEMCPY : mask_kind == 2 ? DMA_CYCLIC : DMA_SLAVE, mask);
	c->chan = dma_request_channel(mask, NULL, NULL);
	if (!c->chan) {
		REC('R', 'n');
		return;
	}
	c->vc = container_of(c->chan, struct agent_vchan, chan);
	c->held = true;
	/*
	 * Every program starts from a freshly probed channel's cookies (what
	 * dma_cookie_init() in drivers/dma/dmaengine.h sets, once, at probe), so
	 * each trace has cookieInit 1. The channel is idle: the last release
	 * freed every descriptor.
	 */
	c->chan->cookie = DMA_MIN_COOKIE;
	c->chan->completed_cookie = DMA_MIN_COOKIE;
	c->seen_completed = DMA_MIN_COOKIE;
	REC('K', 0, r->nchans - 1, c->chan->device->dev_id, c->chan->chan_id);
	dev = dmaengine_get_dma_device(c->chan);
	c->fifo_dev = dev;
	c->fifo = dma_alloc_coherent(dev, sizeof(u32), &c->fifo_dma, GFP_KERNEL);
	REC('R', 'o');
}

static int fill_sg(struct scatterlist *sg, const s32 *a, s32 n)
{
	int i;

	if (n <= 0 || n > SG_MAX)
		return -EINVAL;
	sg_init_table(sg, n);
	for (i = 0; i < n; i++) {
		struct agent_buf *b = buf_at(a[3 * i]);

		/* A stale mapping is what a buggy client would pass; never mapped: no address. */
		if (!b || !b->ever_mapped)
			return -EINVAL;
		sg_dma_address(&sg[i]) = b->dma + a[3 * i + 1];
		sg_dma_len(&sg[i]) = a[3 * i + 2];
	}
	return 0;
}

static void set_callback(struct agent_desc *d, const s32 *a, int nargs)
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

/* Which argument names the channel / descriptor / buffer of each op (-1: none). */
struct op_shape {
	s8 chan, desc, buf, min_args;
};

static const struct op_shape shapes[OP_COUNT] = {
	[OP_REQUEST_CHAN] = { -1, -1, -1, 0 },
	[OP_REQUEST_CHANNEL] = { -1, -1, -1, 1 },
	[OP_RELEASE_CHANNEL] = { 0, -1, -1, 1 },
	[OP_SLAVE_CONFIG] = { 0, -1, -1, 7 },
	[OP_GET_SLAVE_CAPS] = { 0, -1, -1, 1 },
	[OP_ALLOC_BUF] = { -1, -1, -1, 2 },
	[OP_FREE_BUF] = { -1, -1, 0, 1 },
	[OP_MAP_BUF] = { 0, -1, 1, 3 },
	[OP_UNMAP_BUF] = { -1, -1, 0, 2 },
	[OP_PREP_SLAVE_SG] = { 0, -1, -1, 5 },
	[OP_PREP_CYCLIC] = { 0, -1, 2, 7 },
	[OP_PREP_MEMCPY] = { 0, -1, -1, 8 },
	[OP_SET_CALLBACK] = { -1, 0, -1, 3 },
	[OP_SET_REUSE] = { -1, 0, -1, 1 },
	[OP_DESC_FREE] = { -1, 0, -1, 1 },
	[OP_SUBMIT] = { -1, 0, -1, 1 },
	[OP_ISSUE_PENDING] = { 0, -1, -1, 1 },
	[OP_TX_STATUS] = { 0, -1, -1, 4 },
	[OP_IS_TX_COMPLETE] = { 0, -1, -1, 3 },
	[OP_PAUSE] = { 0, -1, -1, 1 },
	[OP_RESUME] = { 0, -1, -1, 1 },
	[OP_TERMINATE_ASYNC] = { 0, -1, -1, 1 },
	[OP_TERMINATE_SYNC] = { 0, -1, -1, 1 },
	[OP_TERMINATE_ALL] = { 0, -1, -1, 1 },
	[OP_SYNCHRONIZE] = { 0, -1, -1, 1 },
	[OP_PERIPH_TEARDOWN] = { 0, -1, -1, 1 },
	[OP_PERIPH_ENABLE] = { 0, -1, -1, 1 },
	[OP_GIVE_BACK] = { -1, -1, 0, 1 },
	[OP_METADATA_SUPPORTED] = { 0, -1, -1, 2 },
	[OP_ATTACH_METADATA] = { -1, 0, -1, 2 },
	[OP_GET_METADATA_PTR] = { -1, 0, -1, 1 },
	[OP_SET_METADATA_LEN] = { -1, 0, -1, 2 },
	[OP_ACCESS_METADATA] = { -1, 0, -1, 2 },
};

static void do_call(int op, const s32 *a, int nargs, struct agent_chan *c, struct agent_desc *d,
		    struct agent_buf *b)
{
	struct agent_run *r = agent_run;
	struct dma_slave_config cfg = {};
	struct dma_slave_caps caps = {};
	struct dma_tx_state state = {};
	struct scatterlist sg[SG_MAX];
	struct dma_async_tx_descriptor *tx;
	enum dma_status st;
	dma_cookie_t cookie, last, used;
	int ret;

	switch (op) {
	case OP_REQUEST_CHAN:
		call_request(0);
		return;
	case OP_REQUEST_CHANNEL:
		call_request(a[0]);
		return;
	case OP_RELEASE_CHANNEL:
		dma_release_channel(c->chan);
		agent_checkpoint();
		c->released = true;
		c->held = false;
		REC('R', 'v');
		return;
	case OP_SLAVE_CONFIG:
		if (a[1] >= 0)
			cfg.direction = a[1];
		cfg.src_addr = c->fifo_dma;
		cfg.dst_addr = c->fifo_dma;
		cfg.src_addr_width = a[2];
		cfg.dst_addr_width = a[3];
		cfg.src_maxburst = a[4];
		cfg.dst_maxburst = a[5];
		cfg.device_fc = a[6] > 0;
		rec_int(dmaengine_slave_config(c->chan, &cfg));
		return;
	case OP_GET_SLAVE_CAPS:
		ret = dma_get_slave_caps(c->chan, &caps);
		if (ret) {
			rec_int(ret);
			return;
		}
		REC('R', 'c', caps.src_addr_widths, caps.dst_addr_widths,
		    caps.directions, caps.min_burst, caps.max_burst, caps.max_sg_burst,
		    caps.residue_granularity, caps.descriptor_reuse, caps.cmd_pause,
		    caps.cmd_resume, caps.cmd_terminate);
		return;
	case OP_ALLOC_BUF:
		if (a[0] < 0 || a[0] >= AGENT_MAX_BUFS || r->bufs[a[0]].cpu || a[1] <= 0) {
			rec_int(-EINVAL);
			return;
		}
		r->bufs[a[0]].cpu = kzalloc(a[1], GFP_KERNEL);
		r->bufs[a[0]].len = a[1];
		rec_int(r->bufs[a[0]].cpu ? 0 : -ENOMEM);
		return;
	case OP_FREE_BUF:
		/* Quarantined until the program ends: a DMA into it cannot corrupt the guest. */
		b->freed = true;
		REC('R', 'v');
		return;
	case OP_MAP_BUF:
		b->dev = a[2] ? agent_client_dev : dmaengine_get_dma_device(c->chan);
		b->dma = dma_map_single(b->dev, b->cpu, b->len, DMA_BIDIRECTIONAL);
		if (dma_mapping_error(b->dev, b->dma)) {
			rec_int(-ENOMEM);
			return;
		}
		b->mapped = b->ever_mapped = true;
		rec_int(0);
		return;
	case OP_UNMAP_BUF:
		if (b->mapped)
			dma_unmap_single(b->dev, b->dma, b->len, DMA_BIDIRECTIONAL);
		b->mapped = false;
		REC('R', 'v');
		return;
	case OP_PREP_SLAVE_SG:
		if (nargs < 5 + 3 * a[4] || fill_sg(sg, a + 5, a[4])) {
			abort_here(2);	/* no bus address to give: the trace ends here */
			return;
		}
		d = desc_new(a[1], a[0]);
		tx = d ? dmaengine_prep_slave_sg(c->chan, sg, a[4], a[2], a[3]) : NULL;
		goto prepped;
	case OP_PREP_CYCLIC:
		if (!b->ever_mapped) {
			abort_here(2);
			return;
		}
		d = desc_new(a[1], a[0]);
		tx = d ? dmaengine_prep_dma_cyclic(c->chan, b->dma, a[3], a[4], a[5], a[6]) : NULL;
		goto prepped;
	case OP_PREP_MEMCPY: {
		struct agent_buf *dst = buf_at(a[2]), *src = buf_at(a[4]);

		if (!dst || !src || !dst->ever_mapped || !src->ever_mapped) {
			abort_here(2);
			return;
		}
		d = desc_new(a[1], a[0]);
		tx = d ? dmaengine_prep_dma_memcpy(c->chan, dst->dma + a[3], src->dma + a[5], a[6], a[7]) : NULL;
		goto prepped;
	}
	case OP_SET_CALLBACK:
		set_callback(d, a, nargs);
		REC('R', 'v');
		return;
	case OP_SET_REUSE:
		rec_int(dmaengine_desc_set_reuse(d->tx));
		return;
	case OP_DESC_FREE:
		ret = dmaengine_desc_free(d->tx);
		agent_checkpoint();
		rec_int(ret);
		return;
	case OP_SUBMIT:
		cookie = dmaengine_submit(d->tx);
		d->cookie = cookie;
		if (cookie > 0)
			d->owned = true;
		REC('R', 'k', cookie);
		return;
	case OP_ISSUE_PENDING:
		dma_async_issue_pending(c->chan);
		agent_checkpoint();
		REC('R', 'v');
		return;
	case OP_TX_STATUS:
		cookie = a[1] ? (desc_find(a[2]) ? desc_find(a[2])->cookie : 0) : a[2];
		st = dmaengine_tx_status(c->chan, cookie, a[3] ? &state : NULL);
		rec_status(st, state.last, state.used, state.residue, a[3]);
		return;
	case OP_IS_TX_COMPLETE:
		cookie = a[1] ? (desc_find(a[2]) ? desc_find(a[2])->cookie : 0) : a[2];
		st = dma_async_is_tx_complete(c->chan, cookie, &last, &used);
		rec_status(st, last, used, 0, false);
		return;
	case OP_PAUSE:
		rec_int(dmaengine_pause(c->chan));
		return;
	case OP_RESUME:
		rec_int(dmaengine_resume(c->chan));
		return;
	case OP_TERMINATE_ASYNC:
		ret = dmaengine_terminate_async(c->chan);
		agent_checkpoint();
		rec_int(ret);
		return;
	case OP_TERMINATE_SYNC:
		ret = dmaengine_terminate_sync(c->chan);
		agent_checkpoint();
		rec_int(ret);
		return;
	case OP_TERMINATE_ALL:
		ret = dmaengine_terminate_all(c->chan);
		agent_checkpoint();
		rec_int(ret);
		return;
	case OP_SYNCHRONIZE:
		dmaengine_synchronize(c->chan);
		agent_checkpoint();
		REC('R', 'v');
		return;
	case OP_PERIPH_TEARDOWN:
	case OP_PERIPH_ENABLE:
	case OP_GIVE_BACK:
		/* Client-side acts with no dmaengine call; the RAM "FIFO" needs none. */
		REC('R', 'v');
		return;
	case OP_METADATA_SUPPORTED:
		REC('R', 'b', dmaengine_is_metadata_mode_supported(c->chan,
			a[1] ? DESC_METADATA_ENGINE : DESC_METADATA_CLIENT));
		return;
	case OP_ATTACH_METADATA:
		rec_int(dmaengine_desc_attach_metadata(d->tx, b ? b->cpu : NULL, a[1]));
		return;
	case OP_GET_METADATA_PTR: {
		size_t plen = 0, mlen = 0;
		void *p = dmaengine_desc_get_metadata_ptr(d->tx, &plen, &mlen);

		if (IS_ERR(p)) {
			rec_int((s32)PTR_ERR(p));
			return;
		}
		d->meta_ptr = true;
		REC('R', 'm', (s32)plen, (s32)mlen);
		return;
	}
	case OP_SET_METADATA_LEN:
		rec_int(dmaengine_desc_set_metadata_len(d->tx, a[1]));
		return;
	case OP_ACCESS_METADATA:
		REC('R', 'v');
		return;
	}
	return;
prepped:
	if (!d) {
		abort_here(4);	/* out of agent slots: not asked of the kernel */
		return;
	}
	if (!tx) {
		REC('R', 'n');
		return;
	}
	d->tx = tx;
	REC('R', 'o');
}

/* Whether a step's call must be skipped (a missing object) or aborted (a freed one). */
static int check_call(int op, const s32 *a, int nargs, struct agent_chan **c, struct agent_desc **d,
		      struct agent_buf **b)
{
	const struct op_shape *s = &shapes[op];

	if (nargs < s->min_args)
		return -EINVAL;
	if (s->chan >= 0) {
		*c = chan_at(a[(int)s->chan]);
		if (!*c)
			return -ENOENT;
		if ((*c)->released)
			return -EPIPE;
	}
	if (s->desc >= 0) {
		*d = desc_find(a[(int)s->desc]);
		if (!*d || !(*d)->tx)
			return -ENOENT;
		if ((*d)->freed)
			return -EPIPE;
	}
	if (s->buf >= 0) {
		*b = buf_at(a[(int)s->buf]);
		if (!*b)
			return -ENOENT;
		if ((*b)->freed && op != OP_FREE_BUF)
			return -ENOENT;
	}
	if (op == OP_UNMAP_BUF && !(*b)->ever_mapped)
		return -ENOENT;
	return 0;
}

static void exec_call(int pc, const s32 *args, int nargs)
{
	struct agent_chan *c = NULL;
	struct agent_desc *d = NULL;
	struct agent_buf *b = NULL;
	int op, ret;
	s32 cookie_arg = 0;

	if (nargs < 1 || args[0] < 0 || args[0] >= OP_COUNT)
		return;
	op = args[0];
	ret = check_call(op, args + 1, nargs - 1, &c, &d, &b);
	if (ret == -ENOENT || ret == -EINVAL)
		return;
	if ((op == OP_TX_STATUS || op == OP_IS_TX_COMPLETE)) {
		if (args[2]) {
			struct agent_desc *sd = desc_find(args[3]);

			if (!sd || !sd->tx || sd->cookie == 0)
				return;	/* names a descriptor never prepared or submitted */
			cookie_arg = sd->cookie;
		} else {
			cookie_arg = args[3];
		}
	}
	agent_checkpoint();
	REC('C', 0, pc, cookie_arg);
	if (ret == -EPIPE) {
		abort_here(3);
		return;
	}
	do_call(op, args + 1, nargs - 1, c, d, b);
}

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
	d = desc_find(a[1]);
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

		c = chan_at(d->chan);
		if (!c || c->released || d->cookie <= 0)
			return -1;
		for (;;) {
			agent_checkpoint();
			REC('C', 0, pc, d->cookie);
			st = dmaengine_tx_status(c->chan, d->cookie, &state);
			rec_status(st, state.last, state.used, state.residue, true);
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
			exec_call(pc, a, s->nargs);
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
}
