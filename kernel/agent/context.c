// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Runs program steps in the context they ask for (docs/PROGRAM.md "ctx"): from
 * process context, with a spinlock held and interrupts off (spin_lock_irqsave,
 * as a driver's own lock), or from a hard-IRQ handler (a hard irq_work) while
 * the program's thread spins with bottom halves off, so no tasklet or other
 * thread runs between the steps and their calls.
 */
#include <linux/irq_work.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>
#include "agent.h"

/* How long a hardirq step waits for its interrupt before giving up (not made). */
#define HARDIRQ_WAIT_MS 1000

static DEFINE_SPINLOCK(client_lock);
static void (*hard_fn)(void *arg);
static void *hard_arg;
static bool hard_done;

static void hard_fire(struct irq_work *w)
{
	hard_fn(hard_arg);
	WRITE_ONCE(hard_done, true);
}

/*
 * A hard irq_work: raised by an IPI to this CPU (arch_irq_work_raise), so it
 * runs in hard-IRQ context at once, not at the next timer tick; a hard
 * hrtimer took milliseconds to fire under QEMU TCG on a busy host.
 */
static struct irq_work hard_work = IRQ_WORK_INIT_HARD(hard_fire);

/* Runs fn(arg) from the hard-IRQ work; false if it did not run in time (fn not run). */
static bool run_hardirq(void (*fn)(void *arg), void *arg)
{
	ktime_t deadline = ktime_add_ms(ktime_get(), HARDIRQ_WAIT_MS);

	hard_fn = fn;
	hard_arg = arg;
	WRITE_ONCE(hard_done, false);
	local_bh_disable();
	irq_work_queue(&hard_work);
	while (!READ_ONCE(hard_done) && ktime_before(ktime_get(), deadline))
		cpu_relax();
	local_bh_enable();
	/* Waits for a work still pending or running: after it, hard_done is final. */
	irq_work_sync(&hard_work);
	return READ_ONCE(hard_done);
}

/* Runs fn(arg) in the context of step kind 'c', 'a' or 'h'; false if it could not. */
bool agent_in_ctx(char kind, void (*fn)(void *arg), void *arg)
{
	unsigned long flags;

	switch (kind) {
	case 'a':
		spin_lock_irqsave(&client_lock, flags);
		fn(arg);
		spin_unlock_irqrestore(&client_lock, flags);
		return true;
	case 'h':
		return run_hardirq(fn, arg);
	default:
		fn(arg);
		return true;
	}
}
