/* SPDX-License-Identifier: (GPL-2.0 OR MIT) */
/*
 * dmacheck agent: runs client programs (docs/PROGRAM.md, encoded by
 * kernel/host/encode.ts) against a real dmaengine driver and records what
 * happens (kernel/README.md describes both line formats).
 */
#ifndef DMACHECK_AGENT_H
#define DMACHECK_AGENT_H

#include <linux/dmaengine.h>
#include <linux/interrupt.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

/*
 * Mirrors of the first members of struct virt_dma_desc / struct virt_dma_chan
 * from drivers/dma/virt-dma.h (Linux 6.1; the file is not in the headers
 * package). Only the members up to those the agent reads are declared, in
 * the same order and with the same types; the agent never allocates them.
 */
struct agent_vdesc {
	struct dma_async_tx_descriptor tx;
	struct dmaengine_result tx_result;
	struct list_head node;		/* protected by vc.lock */
};

struct agent_vchan {
	struct dma_chan chan;
	struct tasklet_struct task;
	void (*desc_free)(struct agent_vdesc *vd);
	spinlock_t lock;
	struct list_head desc_allocated;	/* protected by vc.lock */
	struct list_head desc_submitted;
	struct list_head desc_issued;
	struct list_head desc_completed;
	struct agent_vdesc *cyclic;
	struct agent_vdesc *vd_terminated;
};

/* Operation numbers of the batch format: kernel/host/encode.ts OPS. */
enum agent_op {
	OP_REQUEST_CHAN, OP_REQUEST_CHANNEL, OP_RELEASE_CHANNEL, OP_SLAVE_CONFIG,
	OP_GET_SLAVE_CAPS, OP_ALLOC_BUF, OP_FREE_BUF, OP_MAP_BUF, OP_UNMAP_BUF,
	OP_PREP_SLAVE_SG, OP_PREP_CYCLIC, OP_PREP_MEMCPY, OP_SET_CALLBACK,
	OP_SET_REUSE, OP_DESC_FREE, OP_SUBMIT, OP_ISSUE_PENDING, OP_TX_STATUS,
	OP_IS_TX_COMPLETE, OP_PAUSE, OP_RESUME, OP_TERMINATE_ASYNC,
	OP_TERMINATE_SYNC, OP_TERMINATE_ALL, OP_SYNCHRONIZE, OP_PERIPH_TEARDOWN,
	OP_PERIPH_ENABLE, OP_GIVE_BACK, OP_METADATA_SUPPORTED,
	OP_ATTACH_METADATA, OP_GET_METADATA_PTR, OP_SET_METADATA_LEN,
	OP_ACCESS_METADATA, OP_COUNT
};

/* Callback action kinds: kernel/host/encode.ts ACTIONS. */
enum agent_action {
	ACT_NONE, ACT_CHAIN, ACT_TERMINATE_ASYNC, ACT_SYNCHRONIZE,
	ACT_TERMINATE_SYNC, ACT_READ_METADATA, ACT_TX_STATUS, ACT_RESUBMIT_SELF,
	ACT_BUSY_WAIT_PERIPH, ACT_UNMAP, ACT_COUNT
};

#define AGENT_MAX_CHANS 8
#define AGENT_MAX_BUFS 64
#define AGENT_MAX_DESCS 256
#define AGENT_MAX_STEPS 1024
#define AGENT_MAX_ARGS 16384
#define AGENT_MAX_SEQ 4
#define AGENT_MAX_RECS 8192

struct agent_act {
	u8 kind;
	s32 buf, len, dir;
};

struct agent_chan {
	struct dma_chan *chan;		/* NULL: the request failed */
	struct agent_vchan *vc;
	u32 *fifo;			/* the "device FIFO": one coherent word */
	dma_addr_t fifo_dma;
	struct device *fifo_dev;
	dma_cookie_t seen_completed;
	bool held;
	bool released;
};

struct agent_buf {
	void *cpu;
	size_t len;
	dma_addr_t dma;
	struct device *dev;
	bool mapped, ever_mapped, freed;
};

struct agent_desc {
	s32 id;
	s32 chan;
	struct dma_async_tx_descriptor *tx;	/* NULL: prep returned NULL */
	dma_cookie_t cookie;
	bool owned;		/* submitted, not yet freed or recycled */
	bool freed;
	bool meta_ptr;		/* get_metadata_ptr succeeded */
	u8 fn;			/* 0 callback, 1 callback_result */
	u8 nact;
	struct agent_act act[AGENT_MAX_SEQ];
	int cb_count;
};

/* Real contexts, in kernel/host/convert.ts ENGINE_CTX order (B and C records). */
enum agent_ctx { CTX_PROCESS, CTX_ATOMIC, CTX_HARDIRQ, CTX_TASKLET };

struct agent_step {
	char kind;		/* 'c' call, 'a' atomic call, 'h' hard-IRQ call, 'w' wait, 's' sleep */
	u16 nargs;
	u32 off;		/* into agent_prog.args */
};

struct agent_prog {
	int index;
	s32 next_desc;		/* first id for descriptors chained by callbacks */
	int nsteps;
	struct agent_step steps[AGENT_MAX_STEPS];
	int nargs;
	s32 args[AGENT_MAX_ARGS];
};

/* One recorded fact; formatted to text after the program (kernel/README.md). */
struct agent_rec {
	char k;
	char sub;
	s32 v[12];
};

struct agent_run {
	struct agent_prog prog;
	struct agent_chan chans[AGENT_MAX_CHANS];
	int nchans;
	struct agent_buf bufs[AGENT_MAX_BUFS];
	void *quarantine[AGENT_MAX_BUFS];	/* freed buffers whose id was allocated again */
	int nquar;
	struct agent_desc descs[AGENT_MAX_DESCS];
	int ndescs;
	wait_queue_head_t wq;
	bool aborted;		/* stopped mid-call: the trace ends there */
	bool overflow;
	int nrecs;
	struct agent_rec recs[AGENT_MAX_RECS];
};

extern struct agent_run *agent_run;
extern bool agent_recording;
extern struct device *agent_client_dev;

/* rec.c */
void agent_rec(char k, char sub, int n, const s32 *v);
#define REC(k, sub, ...) do { \
	s32 __v[] = { 0, ##__VA_ARGS__ }; \
	agent_rec((k), (sub), ARRAY_SIZE(__v) - 1, __v + 1); \
} while (0)
size_t agent_format(char *out, size_t cap);

/* probes.c */
int agent_probes_register(void);
void agent_probes_unregister(void);
struct agent_chan *agent_chan_of(const void *dma_chan, int *idx);
void agent_checkpoint(void);
struct agent_desc *agent_desc_of_tx(const void *tx);

/* parse.c */
int agent_parse(const char **cursor, const char *end, struct agent_prog *p);

/* state.c */
struct agent_chan *agent_chan_at(s32 i);
struct agent_buf *agent_buf_at(s32 i);
struct agent_desc *agent_desc_find(s32 id);
struct agent_desc *agent_desc_new(s32 id, s32 chan);
void agent_abort(int why);
int agent_ctx(void);
void agent_rec_int(int v);
void agent_rec_status(enum dma_status st, dma_cookie_t last, dma_cookie_t used, u32 residue, bool with);

/* callback.c */
void agent_set_callback(struct agent_desc *d, const s32 *a, int nargs);

/* calls.c */
void agent_exec_call(int pc, const s32 *args, int nargs);

/* context.c */
bool agent_in_ctx(char kind, void (*fn)(void *arg), void *arg);

/* exec.c */
void agent_exec(void);
void agent_cleanup(void);

#endif
