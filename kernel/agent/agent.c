// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * dmacheck agent module: /proc/dmacheck/batch takes a batch of encoded
 * programs (kernel/host/encode.ts); reading /proc/dmacheck/run runs them one
 * at a time and returns each program's log as soon as it has run, so a
 * guest that dies mid-batch has already handed back every earlier program.
 */
#include <linux/dma-mapping.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/platform_device.h>
#include <linux/proc_fs.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include "agent.h"

#define BATCH_CAP (16 << 20)
#define OUT_CAP (1 << 20)

struct device *agent_client_dev;
static struct platform_device *client_pdev;
static struct proc_dir_entry *proc_dir;
static DEFINE_MUTEX(agent_lock);

static char *batch;		/* the encoded programs, as written */
static size_t batch_len;
static size_t batch_pos;	/* where the next program starts */
static char *out;		/* the log of the last program run */
static size_t out_len, out_off;
static bool batch_done;

/*
 * semihost=1: also hand each program's log to QEMU in one semihosting
 * SYS_WRITE0 call (QEMU -semihosting-config ...,chardev=...) instead of only
 * through the UART, which costs an MMIO exit per byte under TCG. Only set
 * when QEMU enables semihosting: otherwise HLT is an undefined instruction.
 */
static bool semihost;
module_param(semihost, bool, 0444);
MODULE_PARM_DESC(semihost, "write program logs with ARM semihosting SYS_WRITE0");

#define SEMIHOST_SYS_WRITE0 0x04

static void semihost_write0(const char *s)
{
	register unsigned long x0 asm("x0") = SEMIHOST_SYS_WRITE0;
	register const char *x1 asm("x1") = s;

	asm volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

/* FNV-1a 32-bit: the host checks each program's log arrived intact. */
static u32 fnv1a(const char *s, size_t n)
{
	u32 h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (u8)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Parses and runs the next program; fills out with "~P", its records and "~E". */
static void run_next(void)
{
	struct agent_run *r = agent_run;
	const char *cursor = batch + batch_pos;
	size_t body, head;
	ktime_t t0;
	s64 us;
	int ret;

	out_len = out_off = 0;
	ret = agent_parse(&cursor, batch + batch_len, &r->prog);
	if (ret == -ENODATA) {
		batch_done = true;
		out_len = scnprintf(out, OUT_CAP, "~D\n");
		return;
	}
	if (ret) {
		batch_done = true;
		out_len = scnprintf(out, OUT_CAP, "~F parse error at byte %zu\n", batch_pos);
		return;
	}
	batch_pos = cursor - batch;
	memset(r->chans, 0, sizeof(r->chans));
	memset(r->bufs, 0, sizeof(r->bufs));
	r->nchans = r->ndescs = r->nrecs = r->nquar = 0;
	r->aborted = r->overflow = false;
	t0 = ktime_get();
	agent_exec();
	agent_cleanup();
	us = ktime_us_delta(ktime_get(), t0);
	head = scnprintf(out, OUT_CAP, "~P %d\n", r->prog.index);
	body = agent_format(out + head, OUT_CAP - head - 64);
	out_len = head + body;
	out_len += scnprintf(out + out_len, OUT_CAP - out_len, "~E %d %d %d %lld %u\n",
			     r->prog.index, r->overflow, r->nrecs, us, fnv1a(out + head, body));
	if (semihost) {
		out[out_len] = '\0';	/* scnprintf left room: out_len < OUT_CAP */
		semihost_write0(out);
	}
}

static ssize_t run_read(struct file *f, char __user *ubuf, size_t count, loff_t *ppos)
{
	size_t n;

	if (mutex_lock_interruptible(&agent_lock))
		return -EINTR;
	if (out_off == out_len) {
		if (batch_done || !batch) {
			mutex_unlock(&agent_lock);
			return 0;
		}
		run_next();
	}
	n = min(count, out_len - out_off);
	if (copy_to_user(ubuf, out + out_off, n)) {
		mutex_unlock(&agent_lock);
		return -EFAULT;
	}
	out_off += n;
	*ppos += n;
	mutex_unlock(&agent_lock);
	return n;
}

static ssize_t batch_write(struct file *f, const char __user *ubuf, size_t count, loff_t *ppos)
{
	ssize_t ret = count;

	if (mutex_lock_interruptible(&agent_lock))
		return -EINTR;
	if (!batch)
		batch = vmalloc(BATCH_CAP);
	if (!batch)
		ret = -ENOMEM;
	else if (batch_len + count > BATCH_CAP)
		ret = -ENOSPC;
	else if (copy_from_user(batch + batch_len, ubuf, count))
		ret = -EFAULT;
	else
		batch_len += count;
	mutex_unlock(&agent_lock);
	return ret;
}

static const struct proc_ops run_ops = { .proc_read = run_read, .proc_lseek = noop_llseek };
static const struct proc_ops batch_ops = { .proc_write = batch_write, .proc_lseek = noop_llseek };

static int __init agent_init(void)
{
	int ret;

	agent_run = vzalloc(sizeof(*agent_run));
	out = vmalloc(OUT_CAP);
	if (!agent_run || !out) {
		ret = -ENOMEM;
		goto err_mem;
	}
	init_waitqueue_head(&agent_run->wq);
	/* The client's own device, for map_buf with dev "client" (DATA-1 misuse). */
	client_pdev = platform_device_register_simple("dmacheck-client", -1, NULL, 0);
	if (IS_ERR(client_pdev)) {
		ret = PTR_ERR(client_pdev);
		goto err_mem;
	}
	agent_client_dev = &client_pdev->dev;
	ret = dma_coerce_mask_and_coherent(agent_client_dev, DMA_BIT_MASK(32));
	if (ret)
		goto err_pdev;
	ret = agent_probes_register();
	if (ret)
		goto err_pdev;
	proc_dir = proc_mkdir("dmacheck", NULL);
	if (!proc_dir || !proc_create("run", 0400, proc_dir, &run_ops) ||
	    !proc_create("batch", 0200, proc_dir, &batch_ops)) {
		ret = -ENOMEM;
		goto err_proc;
	}
	pr_info("dmacheck: agent ready\n");
	return 0;
err_proc:
	proc_remove(proc_dir);
	agent_probes_unregister();
err_pdev:
	platform_device_unregister(client_pdev);
err_mem:
	vfree(out);
	vfree(agent_run);
	return ret;
}

static void __exit agent_exit(void)
{
	proc_remove(proc_dir);
	agent_probes_unregister();
	platform_device_unregister(client_pdev);
	vfree(batch);
	vfree(out);
	vfree(agent_run);
}

module_init(agent_init);
module_exit(agent_exit);
MODULE_LICENSE("Dual MIT/GPL");
MODULE_DESCRIPTION("dmacheck agent: runs client programs against a real dmaengine driver");
