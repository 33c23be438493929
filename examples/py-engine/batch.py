"""The batch extension (batch/1, docs/PROTOCOL.md) for the example engine: run a whole
client program (docs/PROGRAM.md) against the engine and stream the trace it produces
(docs/TRACE.md) back as `entry` messages, then `result` with `ended`.

The runner plays the client and the environment. It stands in for the Protocol object
while the program runs: the engine reports events and invokes callbacks through it, and
it records them. Time passes only in waits and sleeps; it makes the default progress of
docs/PROGRAM.md: the peripheral drains at once, a pending interrupt is delivered, else a
pending tasklet runs, else time advances a few bursts (or, when nothing moves, to the
deadline). A program this runner cannot run (request_channel by mask) raises ValueError,
which the engine reports as an `error`: the harness names it an implementation error.
"""

PREPS = ("prep_slave_sg", "prep_dma_vec", "prep_cyclic", "prep_interleaved", "prep_memcpy")
PREP_INTERRUPT, CTRL_ACK = 1, 2
FINE_ROUNDS = 256


def max_desc(steps):
    """The largest descriptor id the steps (and their error paths) name."""
    m = 0
    for s in steps:
        if "do" in s:
            m = max(m, s["do"].get("desc", 0))
        elif "wait" in s:
            m = max(m, s["desc"], max_desc(s.get("onTimeout", [])))
    return m


class ProgramRunner:
    def __init__(self, engine, config, send_entry):
        self.e, self.cfg, self.send_entry = engine, config, send_entry
        self.now = 0
        self.quantum = max(1, -(-64 // config["bytesPerUnit"]))    # a few bursts, as check-client
        self.chans = {}            # program channel index -> engine channel
        self.requests = 0
        self.dead = set()          # descriptors whose prep failed: later steps naming them are skipped
        self.cookies = {}          # desc -> cookie its submit returned
        self.desc_chan = {}        # desc -> engine channel it was prepared on
        self.actions = {}          # desc -> callback action
        self.bufs = {}             # buf -> {"len", "mapped": engine channel or None}
        self.callbacks = {}        # desc -> callbacks that returned
        self.stopping, self.releasing = set(), set()
        self.next_desc = 1

    # ---- the engine's view of the client (replaces Protocol while the program runs) ----
    def event(self, ev):
        self.send_entry({"k": "ev", "ev": ev})

    def callback(self, inv):
        self.send_entry({"k": "cb", "cb": inv})
        self.action(inv, self.actions.get(inv["desc"], {"kind": "none"}))
        self.send_entry({"k": "cb_ret"})
        self.callbacks[inv["desc"]] = self.callbacks.get(inv["desc"], 0) + 1

    # ---- recorded calls and environment steps ----
    def call(self, c, ctx="process"):
        self.send_entry({"k": "call", "call": c, "ctx": ctx})
        if c["op"] in ("terminate_async", "terminate_sync", "terminate_all"):
            self.stopping.add(c["chan"])
        if c["op"] == "release_channel":
            self.releasing.add(c["chan"])
        ret = self.e.call(c)
        self.send_entry({"k": "ret", "ret": ret})
        self.observe(c, ret)
        return ret

    def env(self, step):
        self.send_entry({"k": "env", "step": step})
        if step["op"] == "advance":
            self.now += step["units"]
        self.e.env(step)
        self.send_entry({"k": "env_end"})

    def observe(self, c, ret):
        op = c["op"]
        if op == "submit" and ret.get("t") == "cookie":
            self.cookies[c["desc"]] = ret["v"]
        elif op == "alloc_buf" and ret == {"t": "int", "v": 0}:
            self.bufs[c["buf"]] = {"len": c["len"], "mapped": None}
        elif op == "map_buf" and c["buf"] in self.bufs:
            self.bufs[c["buf"]]["mapped"] = c["chan"]
        elif op == "unmap_buf" and c["buf"] in self.bufs:
            self.bufs[c["buf"]]["mapped"] = None
        elif op in ("terminate_sync", "synchronize"):
            self.stopping.discard(c["chan"])
        elif op == "release_channel":
            self.stopping.discard(c["chan"])
            self.releasing.discard(c["chan"])

    # ---- the program ----
    def run(self, program):
        self.next_desc = max_desc(program["steps"]) + 1     # chained descriptors never collide with the program's
        self.steps(program["steps"])
        return self.settle()

    def steps(self, steps):
        for s in steps:
            if "do" in s:
                self.do(s["do"])
            elif "sleep" in s:
                self.until(self.now + s["sleep"], lambda: False)
            elif "wait" not in s:
                raise ValueError("batch: a program step this example cannot run: %s" % sorted(s))
            elif s["desc"] not in self.dead:
                deadline = self.now + s["timeoutUs"]
                if s["wait"] == "callback":
                    count = s.get("count", 1)
                    ok = self.until(deadline, lambda d=s["desc"]: self.callbacks.get(d, 0) >= count)
                else:
                    ok = self.poll(s["desc"], s.get("pollUs", 10), deadline)
                if not ok:
                    self.steps(s.get("onTimeout", []))

    def do(self, pc):
        """Translate the program's ids (channel = index of its request), make the call, learn new ids."""
        op = pc["op"]
        if op == "request_channel":
            raise ValueError("batch: request_channel by capability mask is not supported by this example")
        if "desc" in pc and op not in PREPS and pc["desc"] in self.dead:
            return
        c = dict(pc)
        if "chan" in pc:
            if pc["chan"] not in self.chans:
                return
            c["chan"] = self.chans[pc["chan"]]
        if op in ("tx_status", "is_tx_complete") and "desc" in pc:
            cookie = self.cookies.get(pc["desc"], 0)
            if cookie <= 0:
                return
            del c["desc"]
            c["cookie"] = cookie
        ret = self.call(c)
        if op == "request_chan":
            if ret == {"t": "ok"}:
                names = [s["name"] for s in self.cfg["slaves"]]
                self.chans[self.requests] = names.index(pc["name"])
            self.requests += 1
        if op in PREPS:
            if ret == {"t": "ok"}:
                self.desc_chan[pc["desc"]] = c["chan"]
            else:
                self.dead.add(pc["desc"])
        if op == "set_callback":
            self.actions[pc["desc"]] = pc["action"]

    def action(self, inv, a):
        """What the client's callback does (CallbackAction), as nested calls from ctx `callback`."""
        kind, chan = a["kind"], inv["chan"]
        if kind == "chain":
            b = self.bufs.get(a["buf"])
            if chan in self.stopping or chan in self.releasing or not b or b["mapped"] != chan or a["len"] > b["len"]:
                return
            desc = self.next_desc
            self.next_desc += 1
            p = self.call({"op": "prep_slave_sg", "chan": chan, "desc": desc, "sgl": [{"buf": a["buf"], "offset": 0, "len": a["len"]}],
                           "dir": a["dir"], "flags": PREP_INTERRUPT | CTRL_ACK}, "callback")
            if p == {"t": "ok"}:
                self.desc_chan[desc] = chan
                self.call({"op": "submit", "desc": desc}, "callback")
                self.call({"op": "issue_pending", "chan": chan}, "callback")
        elif kind in ("terminate_async", "synchronize", "terminate_sync"):
            self.call({"op": kind, "chan": chan}, "callback")
        elif kind == "tx_status":
            cookie = self.cookies.get(inv["desc"], 0)
            if cookie > 0:
                self.call({"op": "tx_status", "chan": chan, "cookie": cookie, "withState": True}, "callback")
        elif kind == "resubmit_self":
            self.call({"op": "submit", "desc": inv["desc"]}, "callback")
        elif kind == "unmap":
            self.call({"op": "unmap_buf", "buf": a["buf"]}, "callback")
        elif kind == "busy_wait_periph":
            ch = self.e.chans[chan]
            while ch.fifo:
                self.env({"op": "drain", "chan": chan, "bytes": len(ch.fifo)})
        elif kind == "seq":
            for x in a["actions"]:
                self.action(inv, x)
        # none, read_metadata (no metadata here): nothing

    # ---- time ----
    def until(self, deadline, done):
        for rnd in range(1 << 20):
            if done():
                return True
            if self.now >= deadline:
                return False
            self.progress(deadline, rnd)
        return False

    def poll(self, desc, poll_us, deadline):
        chan = self.desc_chan.get(desc)
        cookie = self.cookies.get(desc, 0)
        if cookie <= 0 or chan is None:
            return True
        while True:
            st = self.call({"op": "tx_status", "chan": chan, "cookie": cookie, "withState": False})
            if st.get("st", {}).get("status") == "DMA_COMPLETE":
                return True
            if self.now >= deadline:
                return False
            self.until(min(deadline, self.now + poll_us), lambda: False)

    def progress(self, deadline, rnd):
        """Default progress: drain, deliver an interrupt, run a tasklet, else let time pass."""
        for ch in self.e.chans:
            if ch.fifo:
                return self.env({"op": "drain", "chan": ch.id, "bytes": len(ch.fifo)})
        for ch in self.e.chans:
            if ch.irq_pending:
                return self.env({"op": "irq", "chan": ch.id})
        for ch in self.e.chans:
            if ch.tasklet_pending:
                return self.env({"op": "tasklet", "chan": ch.id})
        left = max(1, deadline - self.now)
        moving = any(ch.active and not ch.hw_done for ch in self.e.chans)
        units = left if not moving else min(left, self.quantum if rnd < FINE_ROUNDS else max(self.quantum, -(-left // 16)))
        self.env({"op": "advance", "units": units})

    def settle(self):
        """End of program: deliver what is pending and let the engine finish (bounded); True = quiescent."""
        units = max(1, -(-2048 // self.cfg["bytesPerUnit"]))
        for _ in range(12):
            for ch in self.e.chans:
                if ch.fifo:
                    self.env({"op": "drain", "chan": ch.id, "bytes": len(ch.fifo)})
            for ch in self.e.chans:
                if ch.irq_pending:
                    self.env({"op": "irq", "chan": ch.id})
            for ch in self.e.chans:
                if ch.tasklet_pending:
                    self.env({"op": "tasklet", "chan": ch.id})
            if not any(ch.active or ch.irq_pending or ch.tasklet_pending or ch.fifo for ch in self.e.chans):
                return True
            self.env({"op": "advance", "units": units})
        return False
