// SPDX-License-Identifier: (GPL-2.0 OR MIT)
/*
 * Runs program steps in the context they ask for (docs/PROGRAM.md "ctx"): from
 * process context, with a spinlock held and interrupts off (spin_lock_irqsave,
 * as a driver's own lock), or from a hard-IRQ handler (a hard hrtimer) while
 * the program's thread spins with bottom halves off, so no tasklet or other
 * thread runs between the steps and their calls.
 */
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/spinlock.h>
#include "agent.h"

/* How long a hardirq step waits for its timer before giving up (not made). */
#define HARDIRQ_WAIT_MS 1000

static DEFINE_SPINLOCK(client_lock);
static struct hrtimer hard_timer;
static void (*hard_fn)(void *arg);
static void *hard_arg;
static bool hard_done;

static enum hrtimer_restart hard_fire(struct hrtimer *t)
{
	hard_fn(hard_arg);
	WRITE_ONCE(hard_done, true);
	return HRTIMER_NORESTART;
}

void agent_hardirq_init(void)
{
	hrtimer_init(&hard_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	hard_timer.function = hard_fire;
}

/* Runs fn(arg) from the hard-IRQ timer; false if it did not fire in time (fn not run). */
static bool run_hardirq(void (*fn)(void *arg), void *arg)
{
	ktime_t deadline = ktime_add_ms(ktime_get(), HARDIRQ_WAIT_MS);

	hard_fn = fn;
	hard_arg = arg;
	WRITE_ONCE(hard_done, false);
	local_bh_disable();
	hrtimer_start(&hard_timer, 0, HRTIMER_MODE_REL_HARD);
	while (!READ_ONCE(hard_done) && ktime_before(ktime_get(), deadline))
		cpu_relax();
	local_bh_enable();
	/* hrtimer_cancel waits for a running handler: after it, hard_done is final. */
	hrtimer_cancel(&hard_timer);
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
