// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * One call of a program step through the real dmaengine API, recorded with
 * its return. Steps naming a channel, buffer or descriptor that a failed call
 * never produced are skipped (docs/PROGRAM.md §Running a program); a call
 * naming a freed descriptor or a released channel is recorded and not made.
 */
#include <linux/dma-mapping.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include "agent.h"

#define SG_MAX 16

static void call_request(s32 mask_kind)
{
	struct agent_run *r = agent_run;
	struct agent_chan *c;
	dma_cap_mask_t mask;
	struct device *dev;

	if (r->nchans >= AGENT_MAX_CHANS) {
		agent_abort(4);	/* out of agent slots: not asked of the kernel */
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
		struct agent_buf *b = agent_buf_at(a[3 * i]);

		/* A stale mapping is what a buggy client would pass; never mapped: no address. */
		if (!b || !b->ever_mapped)
			return -EINVAL;
		sg_dma_address(&sg[i]) = b->dma + a[3 * i + 1];
		sg_dma_len(&sg[i]) = a[3 * i + 2];
	}
	return 0;
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

/*
 * An id freed and allocated again: the old memory stays allocated (and is
 * unmapped, unrecorded) until the program ends, so a DMA still aimed at it
 * cannot corrupt the guest.
 */
static bool quarantine(struct agent_buf *b)
{
	struct agent_run *r = agent_run;

	if (r->nquar >= AGENT_MAX_BUFS) {
		agent_abort(4);
		return false;
	}
	if (b->mapped)
		dma_unmap_single(b->dev, b->dma, b->len, DMA_BIDIRECTIONAL);
	r->quarantine[r->nquar++] = b->cpu;
	memset(b, 0, sizeof(*b));
	return true;
}

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
		agent_rec_int(dmaengine_slave_config(c->chan, &cfg));
		return;
	case OP_GET_SLAVE_CAPS:
		ret = dma_get_slave_caps(c->chan, &caps);
		if (ret) {
			agent_rec_int(ret);
			return;
		}
		REC('R', 'c', caps.src_addr_widths, caps.dst_addr_widths,
		    caps.directions, caps.min_burst, caps.max_burst, caps.max_sg_burst,
		    caps.residue_granularity, caps.descriptor_reuse, caps.cmd_pause,
		    caps.cmd_resume, caps.cmd_terminate);
		return;
	case OP_ALLOC_BUF:
		if (a[0] < 0 || a[0] >= AGENT_MAX_BUFS || a[1] <= 0 ||
		    (r->bufs[a[0]].cpu && !r->bufs[a[0]].freed)) {
			agent_rec_int(-EINVAL);
			return;
		}
		if (r->bufs[a[0]].cpu && !quarantine(&r->bufs[a[0]]))
			return;
		r->bufs[a[0]].cpu = kzalloc(a[1], GFP_KERNEL);
		r->bufs[a[0]].len = a[1];
		agent_rec_int(r->bufs[a[0]].cpu ? 0 : -ENOMEM);
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
			agent_rec_int(-ENOMEM);
			return;
		}
		b->mapped = b->ever_mapped = true;
		agent_rec_int(0);
		return;
	case OP_UNMAP_BUF:
		/* A second unmap is the client's: with dma-direct it is cache maintenance only. */
		dma_unmap_single(b->dev, b->dma, b->len, DMA_BIDIRECTIONAL);
		b->mapped = false;
		REC('R', 'v');
		return;
	case OP_PREP_SLAVE_SG:
		if (nargs < 5 + 3 * a[4] || fill_sg(sg, a + 5, a[4])) {
			agent_abort(2);	/* no bus address to give: the trace ends here */
			return;
		}
		d = agent_desc_new(a[1], a[0]);
		tx = d ? dmaengine_prep_slave_sg(c->chan, sg, a[4], a[2], a[3]) : NULL;
		goto prepped;
	case OP_PREP_CYCLIC:
		if (!b->ever_mapped) {
			agent_abort(2);
			return;
		}
		d = agent_desc_new(a[1], a[0]);
		tx = d ? dmaengine_prep_dma_cyclic(c->chan, b->dma, a[3], a[4], a[5], a[6]) : NULL;
		goto prepped;
	case OP_PREP_MEMCPY: {
		struct agent_buf *dst = agent_buf_at(a[2]), *src = agent_buf_at(a[4]);

		if (!dst || !src || !dst->ever_mapped || !src->ever_mapped) {
			agent_abort(2);
			return;
		}
		d = agent_desc_new(a[1], a[0]);
		tx = d ? dmaengine_prep_dma_memcpy(c->chan, dst->dma + a[3], src->dma + a[5], a[6], a[7]) : NULL;
		goto prepped;
	}
	case OP_SET_CALLBACK:
		agent_set_callback(d, a, nargs);
		REC('R', 'v');
		return;
	case OP_SET_REUSE:
		agent_rec_int(dmaengine_desc_set_reuse(d->tx));
		return;
	case OP_DESC_FREE:
		ret = dmaengine_desc_free(d->tx);
		agent_checkpoint();
		agent_rec_int(ret);
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
		cookie = a[1] ? (agent_desc_find(a[2]) ? agent_desc_find(a[2])->cookie : 0) : a[2];
		st = dmaengine_tx_status(c->chan, cookie, a[3] ? &state : NULL);
		agent_rec_status(st, state.last, state.used, state.residue, a[3]);
		return;
	case OP_IS_TX_COMPLETE:
		cookie = a[1] ? (agent_desc_find(a[2]) ? agent_desc_find(a[2])->cookie : 0) : a[2];
		st = dma_async_is_tx_complete(c->chan, cookie, &last, &used);
		agent_rec_status(st, last, used, 0, false);
		return;
	case OP_PAUSE:
		agent_rec_int(dmaengine_pause(c->chan));
		return;
	case OP_RESUME:
		agent_rec_int(dmaengine_resume(c->chan));
		return;
	case OP_TERMINATE_ASYNC:
		ret = dmaengine_terminate_async(c->chan);
		agent_checkpoint();
		agent_rec_int(ret);
		return;
	case OP_TERMINATE_SYNC:
		ret = dmaengine_terminate_sync(c->chan);
		agent_checkpoint();
		agent_rec_int(ret);
		return;
	case OP_TERMINATE_ALL:
		ret = dmaengine_terminate_all(c->chan);
		agent_checkpoint();
		agent_rec_int(ret);
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
		agent_rec_int(dmaengine_desc_attach_metadata(d->tx, b ? b->cpu : NULL, a[1]));
		return;
	case OP_GET_METADATA_PTR: {
		size_t plen = 0, mlen = 0;
		void *p = dmaengine_desc_get_metadata_ptr(d->tx, &plen, &mlen);

		if (IS_ERR(p)) {
			agent_rec_int((s32)PTR_ERR(p));
			return;
		}
		d->meta_ptr = true;
		REC('R', 'm', (s32)plen, (s32)mlen);
		return;
	}
	case OP_SET_METADATA_LEN:
		agent_rec_int(dmaengine_desc_set_metadata_len(d->tx, a[1]));
		return;
	case OP_ACCESS_METADATA:
		REC('R', 'v');
		return;
	}
	return;
prepped:
	if (!d) {
		agent_abort(4);	/* out of agent slots: not asked of the kernel */
		return;
	}
	if (!tx) {
		REC('R', 'n');
		return;
	}
	d->tx = tx;
	REC('R', 'o');
}

/*
 * Whether a step's call is made (0), skipped (-ENOENT, -EINVAL: it names what
 * a failed call never produced), or recorded and not made (-EPIPE: a freed
 * descriptor or released channel; -EFAULT: a buffer never mapped).
 */
static int check_call(int op, const s32 *a, int nargs, struct agent_chan **c, struct agent_desc **d,
		      struct agent_buf **b)
{
	const struct op_shape *s = &shapes[op];

	if (nargs < s->min_args)
		return -EINVAL;
	if (s->chan >= 0) {
		*c = agent_chan_at(a[(int)s->chan]);
		if (!*c)
			return -ENOENT;
		if ((*c)->released)
			return -EPIPE;
	}
	if (s->desc >= 0) {
		*d = agent_desc_find(a[(int)s->desc]);
		if (!*d || !(*d)->tx)
			return -ENOENT;
		if ((*d)->freed)
			return -EPIPE;
	}
	if (s->buf >= 0) {
		/* A freed buffer is still there (quarantined): calls on it are made. */
		*b = agent_buf_at(a[(int)s->buf]);
		if (!*b)
			return -ENOENT;
	}
	if (op == OP_UNMAP_BUF && !(*b)->ever_mapped)
		return -EFAULT;	/* no bus address to unmap */
	return 0;
}

/* A checked step call, made by make_call in the step's context. */
struct step_call {
	int pc, op, check;
	s32 cookie_arg;
	const s32 *args;
	int nargs;
	struct agent_chan *c;
	struct agent_desc *d;
	struct agent_buf *b;
};

/*
 * Calls that may sleep, never made outside process context: terminate_sync
 * (TERM-5), synchronize (SYNC-2), request and release (CH-3), and alloc_buf
 * (the agent allocates with GFP_KERNEL).
 */
static bool op_sleeps(int op)
{
	switch (op) {
	case OP_REQUEST_CHAN:
	case OP_REQUEST_CHANNEL:
	case OP_RELEASE_CHANNEL:
	case OP_ALLOC_BUF:
	case OP_TERMINATE_SYNC:
	case OP_SYNCHRONIZE:
		return true;
	default:
		return false;
	}
}

/* Records the call with its real context, then makes it (or records why not). */
static void make_call(struct step_call *m)
{
	int ctx = agent_ctx();

	agent_checkpoint();
	REC('C', 0, m->pc, m->cookie_arg, ctx);
	if (m->check == -EPIPE || m->check == -EFAULT) {
		agent_abort(m->check == -EPIPE ? 3 : 2);
		return;
	}
	if (ctx != CTX_PROCESS && op_sleeps(m->op)) {
		agent_abort(5);	/* it would sleep in atomic context: recorded, not made */
		return;
	}
	do_call(m->op, m->args + 1, m->nargs - 1, m->c, m->d, m->b);
}

/* Runs the call of step line pc in the caller's context (exec.c enters the step's). */
void agent_exec_call(int pc, const s32 *args, int nargs)
{
	struct step_call m = { .pc = pc, .args = args, .nargs = nargs };

	if (nargs < 1 || args[0] < 0 || args[0] >= OP_COUNT)
		return;
	m.op = args[0];
	m.check = check_call(m.op, args + 1, nargs - 1, &m.c, &m.d, &m.b);
	if (m.check == -ENOENT || m.check == -EINVAL)
		return;
	if (m.op == OP_TX_STATUS || m.op == OP_IS_TX_COMPLETE) {
		if (args[2]) {
			struct agent_desc *sd = agent_desc_find(args[3]);

			if (!sd || !sd->tx || sd->cookie == 0)
				return;	/* names a descriptor never prepared or submitted */
			m.cookie_arg = sd->cookie;
		} else {
			m.cookie_arg = args[3];
		}
	}
	make_call(&m);
}
