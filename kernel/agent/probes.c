// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Driver events seen through kprobes (kernel-notes.md §What works): the
 * bcm2835-dma IRQ handler and the virt-dma tasklet as env blocks, tasklet
 * scheduling, hardware start, descriptor free; completion from the
 * channel's completed_cookie (vchan_cookie_complete is inline).
 * Every handler filters on the channels the running program holds.
 */
#include <linux/kprobes.h>
#include <linux/ptrace.h>
#include "agent.h"

/* The program's channel whose struct dma_chan is at @dma_chan (chan is vc's first member). */
struct agent_chan *agent_chan_of(const void *dma_chan, int *idx)
{
	struct agent_run *r = agent_run;
	int i;

	for (i = 0; r && i < r->nchans; i++) {
		if (r->chans[i].chan && !r->chans[i].released &&
		    (const void *)r->chans[i].chan == dma_chan) {
			*idx = i;
			return &r->chans[i];
		}
	}
	return NULL;
}

static struct agent_chan *chan_of_task(const struct tasklet_struct *t, int *idx)
{
	struct agent_run *r = agent_run;
	int i;

	for (i = 0; r && i < r->nchans; i++) {
		if (r->chans[i].vc && !r->chans[i].released && &r->chans[i].vc->task == t) {
			*idx = i;
			return &r->chans[i];
		}
	}
	return NULL;
}

/* The program's descriptor whose tx (= its virt_dma_desc, tx is the first member) is @tx. */
struct agent_desc *agent_desc_of_tx(const void *tx)
{
	struct agent_run *r = agent_run;
	int i;

	for (i = 0; r && i < r->ndescs; i++)
		if (r->descs[i].tx == tx && !r->descs[i].freed)
			return &r->descs[i];
	return NULL;
}

static s32 desc_of_cookie(int chan, dma_cookie_t cookie)
{
	struct agent_run *r = agent_run;
	int i;

	for (i = r->ndescs - 1; i >= 0; i--)
		if (r->descs[i].chan == chan && r->descs[i].cookie == cookie)
			return r->descs[i].id;
	return -1;
}

/* Reports the cookies the IRQ handler completed since the last look (vchan_cookie_complete). */
static void flush_complete(struct agent_chan *c, int idx)
{
	dma_cookie_t now = READ_ONCE(c->chan->completed_cookie);

	if (now == c->seen_completed)
		return;
	c->seen_completed = now;
	REC('E', 'c', idx, desc_of_cookie(idx, now), now);
}

static bool on_list(const struct list_head *head, const struct dma_async_tx_descriptor *tx)
{
	const struct agent_vdesc *vd;

	list_for_each_entry(vd, head, node)
		if (&vd->tx == tx)
			return true;
	return false;
}

/*
 * vchan_vdesc_fini (inline) puts a REUSE descriptor back on desc_allocated
 * instead of freeing it: report every submitted REUSE descriptor found there
 * as recycled. Called at each probe and around calls, so the event lands
 * before whatever happened next. One CPU: no list is mid-update here (the
 * vc lock is taken with IRQs off).
 */
void agent_checkpoint(void)
{
	struct agent_run *r = agent_run;
	int i;

	if (!r || !READ_ONCE(agent_recording))
		return;
	for (i = 0; i < r->ndescs; i++) {
		struct agent_desc *d = &r->descs[i];
		struct agent_chan *c = &r->chans[d->chan];

		if (!d->owned || d->freed || !d->tx || !c->vc || c->released)
			continue;
		if (!dmaengine_desc_test_reuse(d->tx) || !on_list(&c->vc->desc_allocated, d->tx))
			continue;
		d->owned = false;
		REC('E', 'f', d->chan, d->id, 1);
	}
}

/* --- bcm2835_dma_callback(int irq, void *data): data is the bcm2835_chan --- */
static int irq_probe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	int idx;
	struct agent_chan *c;

	if (!READ_ONCE(agent_recording))
		return 1;
	c = agent_chan_of((void *)regs_get_kernel_argument(regs, 1), &idx);
	if (!c)
		return 1;
	*(int *)ri->data = idx;
	agent_checkpoint();
	REC('I', 0, idx);
	return 0;
}

static int irq_probe_exit(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	int idx = *(int *)ri->data;
	struct agent_run *r = agent_run;

	if (!READ_ONCE(agent_recording) || !r || idx >= r->nchans || !r->chans[idx].chan)
		return 0;
	flush_complete(&r->chans[idx], idx);
	agent_checkpoint();
	REC('N', 0);
	return 0;
}

/* --- vchan_complete(struct tasklet_struct *t): the completion tasklet --- */
static int tasklet_probe_entry(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	int idx;

	if (!READ_ONCE(agent_recording))
		return 1;
	if (!chan_of_task((void *)regs_get_kernel_argument(regs, 0), &idx))
		return 1;
	agent_checkpoint();
	REC('T', 0, idx);
	return 0;
}

static int tasklet_probe_exit(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	if (!READ_ONCE(agent_recording))
		return 0;
	agent_checkpoint();
	REC('N', 0);
	return 0;
}

/* --- __tasklet_schedule(struct tasklet_struct *t) --- */
static int sched_pre(struct kprobe *p, struct pt_regs *regs)
{
	int idx;
	struct agent_chan *c;

	if (!READ_ONCE(agent_recording))
		return 0;
	c = chan_of_task((void *)regs_get_kernel_argument(regs, 0), &idx);
	if (!c)
		return 0;
	flush_complete(c, idx);
	REC('E', 's', idx);
	return 0;
}

/* --- bcm2835_dma_start_desc(struct bcm2835_chan *c), vc lock held --- */
static int start_pre(struct kprobe *p, struct pt_regs *regs)
{
	int idx;
	struct agent_chan *c;
	struct agent_vdesc *vd;
	struct agent_desc *d;

	if (!READ_ONCE(agent_recording))
		return 0;
	c = agent_chan_of((void *)regs_get_kernel_argument(regs, 0), &idx);
	if (!c)
		return 0;
	flush_complete(c, idx);
	vd = list_first_entry_or_null(&c->vc->desc_issued, struct agent_vdesc, node);
	if (!vd)
		return 0;	/* nothing to start: the driver only clears c->desc */
	d = agent_desc_of_tx(&vd->tx);
	REC('E', 'h', idx, d ? d->id : -1);
	return 0;
}

/* --- bcm2835_dma_desc_free(struct virt_dma_desc *vd) --- */
static int free_pre(struct kprobe *p, struct pt_regs *regs)
{
	struct agent_desc *d;

	if (!READ_ONCE(agent_recording))
		return 0;
	d = agent_desc_of_tx((void *)regs_get_kernel_argument(regs, 0));
	if (!d)
		return 0;
	agent_checkpoint();
	d->freed = true;
	d->owned = false;
	REC('E', 'f', d->chan, d->id, 0);
	return 0;
}

static struct kretprobe irq_probe = {
	.kp.symbol_name = "bcm2835_dma_callback",
	.entry_handler = irq_probe_entry,
	.handler = irq_probe_exit,
	.data_size = sizeof(int),
	.maxactive = 8,
};

static struct kretprobe tasklet_probe = {
	.kp.symbol_name = "vchan_complete",
	.entry_handler = tasklet_probe_entry,
	.handler = tasklet_probe_exit,
	.data_size = sizeof(int),
	.maxactive = 8,
};

static struct kprobe sched_probe = { .symbol_name = "__tasklet_schedule", .pre_handler = sched_pre };
static struct kprobe start_probe = { .symbol_name = "bcm2835_dma_start_desc", .pre_handler = start_pre };
static struct kprobe free_probe = { .symbol_name = "bcm2835_dma_desc_free", .pre_handler = free_pre };

static struct kprobe *kprobes[] = { &sched_probe, &start_probe, &free_probe };

int agent_probes_register(void)
{
	int ret;

	ret = register_kretprobe(&irq_probe);
	if (ret) {
		pr_err("dmacheck: kretprobe bcm2835_dma_callback: %d\n", ret);
		return ret;
	}
	ret = register_kretprobe(&tasklet_probe);
	if (ret) {
		pr_err("dmacheck: kretprobe vchan_complete: %d\n", ret);
		goto out_irq;
	}
	ret = register_kprobes(kprobes, ARRAY_SIZE(kprobes));
	if (ret) {
		pr_err("dmacheck: kprobes: %d\n", ret);
		goto out_tasklet;
	}
	return 0;
out_tasklet:
	unregister_kretprobe(&tasklet_probe);
out_irq:
	unregister_kretprobe(&irq_probe);
	return ret;
}

void agent_probes_unregister(void)
{
	unregister_kprobes(kprobes, ARRAY_SIZE(kprobes));
	unregister_kretprobe(&tasklet_probe);
	unregister_kretprobe(&irq_probe);
}
