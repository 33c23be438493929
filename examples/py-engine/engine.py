#!/usr/bin/env python3
"""A small DMA engine in Python (standard library only) speaking dmacheck-protocol/1.

Certify it with:  dmacheck certify --impl-cmd "python3 examples/py-engine/engine.py"
Profile: slave_sg, submit/issue, callbacks (re-entrant nested calls), terminate,
synchronize, tx_status, several channels. Behaviour follows docs/SEMANTICS.md; the
wire format is docs/PROTOCOL.md. Logs go to stderr; stdout carries only protocol lines.

`--bug cb-hardirq` injects one ordering bug: completion callbacks are invoked from the
hard-IRQ handler instead of the tasklet (rule CB-1).

It speaks the batch extension (batch/1): `hello` lists it, and a `batch` request runs a
whole client program here (batch.py) and streams the trace back, one round trip per
program instead of one per call. `--no-batch` leaves it out of `hello`.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from batch import ProgramRunner  # noqa: E402  (beside this file)

PROTOCOL = "dmacheck-protocol/1"
INT_MAX = 0x7FFFFFFF
PROFILE = {
    "slaveSg": True, "dmaVec": False, "cyclic": False, "interleave": False, "repeat": False,
    "pause": False, "resume": False, "terminate": True, "synchronize": True, "reuse": False,
    "metadata": False, "callbacks": True, "multiChannel": True, "cookieInit": True,
    "configurableCaps": False,
}
VOID, ZERO, OK, NULL = {"t": "void"}, {"t": "int", "v": 0}, {"t": "ok"}, {"t": "null"}


def err(e):
    return {"t": "err", "e": e}


def fnv1a(data):
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def mem_byte(buf, i):
    return (buf * 131 + i * 7 + 1) & 0xFF


def periph_byte(chan, k):
    return (chan * 53 + k * 13 + 3) & 0xFF


class Protocol:
    """Line I/O plus the stack of requests being handled (events carry the innermost id)."""

    def __init__(self):
        self.stack = []
        self.next_cb = 1
        self.handler = None

    def send(self, msg):
        sys.stdout.write(json.dumps(msg, separators=(",", ":")) + "\n")
        sys.stdout.flush()

    def read(self):
        line = sys.stdin.readline()
        return json.loads(line) if line else None

    def event(self, ev):
        self.send({"type": "event", "req": self.stack[-1], "event": ev})

    def callback(self, inv):
        """Invoke the client's callback and wait: the harness may send nested calls first."""
        cb_id = self.next_cb
        self.next_cb += 1
        self.send({"type": "callback", "id": cb_id, "req": self.stack[-1], "inv": inv})
        while True:
            m = self.read()
            if m is None:
                raise SystemExit(0)
            if m["type"] == "callback_return" and m["id"] == cb_id:
                return
            if m["type"] != "call":
                raise ValueError("unexpected %s inside a callback" % m["type"])
            self.handle(m)

    def handle(self, m):
        self.stack.append(m["id"])
        try:
            if m["type"] == "reset":
                self.handler.reset(m["config"])
                self.send({"type": "result", "id": m["id"]})
            elif m["type"] == "env":
                self.handler.env(m["step"])
                self.send({"type": "result", "id": m["id"]})
            elif m["type"] == "call":
                self.send({"type": "result", "id": m["id"], "ret": self.handler.call(m["call"])})
            elif m["type"] == "batch" and not self.stack[:-1]:
                self.batch(m)
            else:
                raise ValueError("unexpected message %s" % m["type"])
        finally:
            self.stack.pop()


    def batch(self, m):
        """batch/1: a fresh engine runs the program; the runner stands in for this object meanwhile."""
        engine = self.handler
        engine.reset(m["config"])
        lines = []                                        # written at once: one flush per program, not per entry
        entry = lambda e: lines.append(json.dumps({"type": "entry", "req": m["id"], "entry": e}, separators=(",", ":")))
        runner = ProgramRunner(engine, m["config"], entry)
        engine.p = runner
        try:
            ended = runner.run(m["program"])
        finally:
            engine.p = self
            if lines:
                sys.stdout.write("\n".join(lines) + "\n")
        self.send({"type": "result", "id": m["id"], "ended": ended})


class Desc:
    def __init__(self, did, chan, direction, sgl, width):
        self.id, self.chan, self.dir, self.sgl, self.width = did, chan, direction, sgl, width
        self.len = sum(e["len"] for e in sgl)
        self.cookie, self.fn, self.freed, self.submitted = 0, None, False, False


class Chan:
    def __init__(self, cid, cookie_init):
        self.id, self.held, self.cfg = cid, False, None
        self.used = self.done = cookie_init          # chan->cookie, chan->completed_cookie
        self.submitted, self.issued, self.completed, self.terminated = [], [], [], []
        self.active, self.pos, self.hw_done = None, 0, False
        self.irq_pending = self.tasklet_pending = False
        self.fifo, self.stream_k = [], 0


class Engine:
    def __init__(self, proto, bug):
        self.p, self.bug = proto, bug

    def reset(self, config):
        self.cfg = config
        self.chans = [Chan(i, config["cookieInit"]) for i in range(len(config["slaves"]))]
        self.descs, self.bufs = {}, {}

    def held(self, cid):
        c = self.chans[cid] if 0 <= cid < len(self.chans) else None
        return c if c and c.held else None

    def live(self, did):
        d = self.descs.get(did)
        return d if d and not d.freed else None

    # ---- client calls ----
    def call(self, c):
        op = c["op"]
        if op == "request_chan":
            for ch in self.chans:
                if self.cfg["slaves"][ch.id]["name"] == c["name"] and not ch.held:
                    ch.held = True
                    return OK
            return err("EPROBE_DEFER")
        if op == "release_channel":
            ch = self.held(c["chan"])
            if ch:
                if ch.tasklet_pending:                # CH-6: tasklet_kill lets a scheduled tasklet run first
                    self.tasklet(ch)
                self.stop(ch)
                self.sync(ch)
                ch.held = False
                ch.cfg = None                         # CH-10: the next holder starts from the defaults
            return VOID
        if op == "slave_config":
            ch = self.held(c["chan"])
            if not ch:
                return err("EINVAL")
            ch.cfg = c["cfg"]
            return ZERO
        if op == "get_slave_caps":
            if not 0 <= c["chan"] < len(self.chans):
                return err("EINVAL")
            w = self.cfg["addrWidths"]
            return {"t": "caps", "caps": {
                "srcAddrWidths": w, "dstAddrWidths": w, "directions": self.cfg["slaves"][c["chan"]]["directions"],
                "minBurst": 1, "maxBurst": self.cfg["maxBurst"], "maxSgBurst": 0,
                "residueGranularity": self.cfg["residueGranularity"], "descriptorReuse": False,
                "cmdPause": False, "cmdResume": False, "cmdTerminate": self.cfg["caps"]["terminate"]}}
        if op == "alloc_buf":
            if c["len"] <= 0 or c["buf"] in self.bufs:
                return err("EINVAL")
            self.bufs[c["buf"]] = {"bytes": bytearray(mem_byte(c["buf"], i) for i in range(c["len"])), "map": "no", "freed": False}
            return ZERO
        if op == "free_buf":
            b = self.bufs.get(c["buf"])
            if b:
                b["freed"], b["map"] = True, "no"
            return VOID
        if op == "map_buf":
            b = self.bufs.get(c["buf"])
            if b and not b["freed"]:
                b["map"] = c["dev"]
            return ZERO
        if op == "unmap_buf":
            b = self.bufs.get(c["buf"])
            if b:
                b["map"] = "no"
            return VOID
        if op == "give_back":                        # the client hands a buffer to its owner: nothing for the engine
            return VOID
        if op == "prep_slave_sg":
            return OK if self.prep(c) else NULL
        if op in ("prep_dma_vec", "prep_cyclic", "prep_interleaved"):
            return NULL
        if op == "set_callback":
            d = self.live(c["desc"])
            if d and d.fn != "callback_result":   # CB-7: with both set, only callback_result runs
                d.fn = c["fn"]
            return VOID
        if op in ("set_reuse", "desc_free"):
            return err("EPERM")
        if op == "metadata_supported":
            return {"t": "bool", "v": False}
        if op in ("attach_metadata", "set_metadata_len", "get_metadata_ptr"):
            return err("ENOTSUPP")
        if op == "access_metadata":
            return VOID
        if op == "submit":
            return self.submit(c["desc"])
        if op == "issue_pending":
            ch = self.held(c["chan"])
            if ch:
                ch.issued += ch.submitted
                ch.submitted = []
                self.start_next(ch)
            return VOID
        if op == "tx_status":
            return {"t": "status", "st": self.status(c["chan"], c["cookie"], c["withState"])}
        if op == "is_tx_complete":
            st = self.status(c["chan"], c["cookie"], True)
            return {"t": "status", "st": {"status": st["status"], "last": st.get("last", 0), "used": st.get("used", 0)}}
        if op in ("pause", "resume"):
            return err("ENOSYS")
        if op in ("terminate_async", "terminate_all", "terminate_sync"):
            ch = self.held(c["chan"])
            if not ch:
                return err("EINVAL")
            self.stop(ch)
            if op == "terminate_sync":
                self.sync(ch)
            return ZERO
        if op == "synchronize":
            ch = self.held(c["chan"])
            if ch:
                self.sync(ch)
            return VOID
        if op == "periph_teardown":
            ch = self.chans[c["chan"]] if 0 <= c["chan"] < len(self.chans) else None
            if ch and ch.fifo:
                self.p.event({"ev": "periph_lost", "chan": ch.id, "len": len(ch.fifo)})
                ch.fifo = []
            return VOID
        raise ValueError("unknown op %s" % op)

    def prep(self, c):
        ch, did, direction = self.held(c["chan"]), c["desc"], c["dir"]
        if not ch or did in self.descs or direction not in ("MEM_TO_DEV", "DEV_TO_MEM"):
            return False
        if direction not in self.cfg["slaves"][ch.id]["directions"]:
            return False
        for e in c["sgl"]:
            b = self.bufs.get(e["buf"])
            if not b or e["len"] <= 0 or e["offset"] < 0 or e["offset"] + e["len"] > len(b["bytes"]):
                return False
        total = sum(e["len"] for e in c["sgl"])
        if total == 0 or total > self.cfg["maxTransferLen"]:
            return False
        key = "dstAddrWidth" if direction == "MEM_TO_DEV" else "srcAddrWidth"
        width = ch.cfg[key] if ch.cfg else 0           # CFG-2: width fixed at prep time
        self.descs[did] = Desc(did, ch.id, direction, c["sgl"], width)
        return True

    def submit(self, did):
        d = self.live(did)
        ch = self.held(d.chan) if d else None
        if not d or not ch or d.submitted:
            return err("EINVAL")
        ch.used = 1 if ch.used >= INT_MAX else ch.used + 1   # CK-2 wrap
        d.cookie, d.submitted = ch.used, True
        ch.submitted.append(d)
        return {"t": "cookie", "v": d.cookie}

    def start_next(self, ch):
        if ch.active or not ch.issued:
            return
        ch.active, ch.pos, ch.hw_done = ch.issued.pop(0), 0, False
        self.p.event({"ev": "hw_start", "chan": ch.id, "desc": ch.active.id})

    def stop(self, ch):
        """terminate: stop at once, free what is queued or prepared; the active one waits for synchronize (TERM-9)."""
        if ch.active:
            ch.terminated.append(ch.active)
        ch.active, ch.hw_done, ch.irq_pending = None, False, False
        queued = ch.submitted + ch.issued + ch.completed
        ch.submitted, ch.issued, ch.completed = [], [], []
        for d in queued:
            self.free(d)
        for d in list(self.descs.values()):               # virt-dma frees prepared ones too (DESC-15)
            if d.chan == ch.id and not d.submitted and not d.freed:
                self.free(d)

    def sync(self, ch):
        """vchan_synchronize: tasklet_kill waits for a scheduled tasklet to run (SYNC-4), then frees the terminated ones."""
        if ch.tasklet_pending:
            self.tasklet(ch)
        dead, ch.terminated = ch.terminated, []
        for d in dead:
            self.free(d)

    def free(self, d):
        d.freed = True
        self.p.event({"ev": "desc_freed", "chan": d.chan, "desc": d.id, "recycled": False})

    def status(self, cid, cookie, with_state):
        ch = self.held(cid)
        if not ch:
            return {"status": "DMA_ERROR"}
        last, used = ch.done, ch.used
        done = (cookie <= last or cookie > used) if last <= used else (cookie <= last and cookie > used)
        st = {"status": "DMA_COMPLETE" if done else "DMA_IN_PROGRESS"}
        if with_state:
            st.update(last=last, used=used, residue=0 if done else self.residue(ch, cookie), inFlight=0)
        return st

    def residue(self, ch, cookie):
        a, gran = ch.active, self.cfg["residueGranularity"]
        if a and a.cookie == cookie:
            if gran == "descriptor":
                return 0
            if gran == "burst":
                return a.len - ch.pos
            whole = 0
            for e in a.sgl:
                if whole + e["len"] > ch.pos:
                    break
                whole += e["len"]
            return a.len - whole
        for d in ch.issued + ch.submitted:
            if d.cookie == cookie:
                return d.len
        return 0

    # ---- environment steps ----
    def env(self, step):
        op = step["op"]
        ch = self.chans[step["chan"]] if "chan" in step and 0 <= step["chan"] < len(self.chans) else None
        if op == "advance":
            for c in self.chans:
                self.run(c, step["units"] * self.cfg["bytesPerUnit"])
        elif op == "irq" and ch and ch.irq_pending:
            self.irq(ch)
        elif op == "tasklet" and ch and ch.tasklet_pending:
            self.tasklet(ch)
        elif op == "drain" and ch:
            n = min(step["bytes"], len(ch.fifo))
            if n > 0:
                out, ch.fifo = ch.fifo[:n], ch.fifo[n:]
                self.p.event({"ev": "periph_rx", "chan": ch.id, "len": n, "sum": fnv1a(out)})

    def run(self, ch, budget):
        d = ch.active
        if not d or ch.hw_done:
            return
        depth = self.cfg["slaves"][ch.id]["fifoDepth"]
        base = 0
        for e in d.sgl:
            if budget <= 0:
                break
            start = max(ch.pos - base, 0)
            n = min(budget, e["len"] - start)
            if d.dir == "MEM_TO_DEV":
                n = min(n, depth - len(ch.fifo))          # a full FIFO stalls the channel
            base += e["len"]
            if n <= 0:
                if start < e["len"]:
                    break
                continue
            self.move(ch, d, e, start, n)
            budget -= n
        if ch.pos == d.len:
            ch.hw_done = True
            if not ch.irq_pending:
                ch.irq_pending = True
                self.p.event({"ev": "irq_raised", "chan": ch.id})

    def move(self, ch, d, e, start, n):
        b = self.bufs[e["buf"]]
        why = "freed" if b["freed"] else {"no": "unmapped", "client": "wrong_device"}.get(b["map"])
        if why:
            self.p.event({"ev": "dma_fault", "chan": ch.id, "desc": d.id, "buf": e["buf"], "why": why})
        at = e["offset"] + start
        if d.dir == "MEM_TO_DEV":
            data = list(b["bytes"][at:at + n])
            ch.fifo += data
        else:
            data = [periph_byte(ch.id, ch.stream_k + i) for i in range(n)]
            ch.stream_k += n
            if not why:
                b["bytes"][at:at + n] = bytes(data)
        self.p.event({"ev": "xfer", "chan": ch.id, "desc": d.id, "offset": ch.pos, "len": n, "sum": fnv1a(data), "width": d.width})
        ch.pos += n

    def irq(self, ch):
        """Hard-IRQ handler: complete, start the next, schedule the tasklet. No callbacks here (CB-1)."""
        ch.irq_pending = False
        d = ch.active
        if not d or not ch.hw_done:
            return
        ch.done = d.cookie
        self.p.event({"ev": "complete", "chan": ch.id, "desc": d.id, "cookie": d.cookie})
        ch.active = None
        if self.bug == "cb-hardirq":
            self.invoke(d, "hardirq")                     # injected bug: callback from hard-IRQ context
            self.free(d)
        else:
            ch.completed.append(d)
        self.start_next(ch)
        if not ch.tasklet_pending:
            ch.tasklet_pending = True
            self.p.event({"ev": "tasklet_scheduled", "chan": ch.id})

    def tasklet(self, ch):
        """Completion tasklet, lock dropped: callbacks in completion order (CB-9), each then freed."""
        ch.tasklet_pending = False
        done, ch.completed = ch.completed, []
        for d in done:
            self.invoke(d, "tasklet")
            self.free(d)

    def invoke(self, d, ctx):
        if d.fn is None:
            return
        inv = {"chan": d.chan, "desc": d.id, "fn": d.fn, "period": False, "ctx": ctx, "locksHeld": False}
        if d.fn == "callback_result":
            inv.update(result="DMA_TRANS_NOERROR", residue=0)
        self.p.callback(inv)


def main(argv):
    bug = argv[argv.index("--bug") + 1] if "--bug" in argv else None
    proto = Protocol()
    proto.handler = Engine(proto, bug)
    name = "example:py-engine" + (":" + bug if bug else "")
    hello = {"type": "hello", "protocol": PROTOCOL, "name": name, "profile": PROFILE}
    if "--no-batch" not in argv:
        hello["extensions"] = ["batch/1"]
    proto.send(hello)
    print("py-engine ready (bug=%s)" % bug, file=sys.stderr)
    try:
        while True:
            m = proto.read()
            if m is None or m["type"] == "bye":
                return 0
            proto.handle(m)
    except Exception as e:                                # report, do not hang the harness
        proto.send({"type": "error", "message": "%s: %s" % (type(e).__name__, e)})
        return 3


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
