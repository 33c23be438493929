/**
 * A counterexample as C that compiles: the client's objects as file-scope variables
 * (channels, buffers and their DMA addresses, descriptors, cookies, scatterlists), one
 * callback function per descriptor doing its callback action, and
 * `dmacheck_counterexample(dev)` making the top-level calls of the trace in order
 * (calls made under the channel's caller lock inside spin_lock_irqsave; environment
 * steps — time, interrupts, tasklets, the peripheral — as comments, since a client does
 * not make them). Wrapped as a platform-driver module ({@link cModuleFile}) or as a
 * KUnit suite ({@link cKunitFile}); properties/test/c-compile.test.ts builds both
 * against the kernel headers of `dmacheck kernel setup`.
 * @public
 */
import type { BufId, CallbackAction, ChanId, ClientCall, DescId, Direction, EngineConfig, PrepFlags, SgEntry, TraceEntry } from '../../spec/api/index.ts';
import { hasCapability } from '../../spec/model/ops-request-mask.ts';
import { flagsText } from './describe.ts';

const DIR: Record<Direction, string> = { MEM_TO_MEM: 'DMA_MEM_TO_MEM', MEM_TO_DEV: 'DMA_MEM_TO_DEV', DEV_TO_MEM: 'DMA_DEV_TO_MEM', DEV_TO_DEV: 'DMA_DEV_TO_DEV' };
const FLAG: Record<string, string> = { INT: 'DMA_PREP_INTERRUPT', ACK: 'DMA_CTRL_ACK', REUSE: 'DMA_CTRL_REUSE', REPEAT: 'DMA_PREP_REPEAT', LOAD_EOT: 'DMA_PREP_LOAD_EOT' };
const cflags = (f: PrepFlags): string => (f === 0 ? '0' : flagsText(f).split('|').map((n) => FLAG[n] ?? n).join(' | '));
const T = '\t';

/** What the client knows while the trace is rendered: buffers, descriptors and their channels. */
interface Objects {
  readonly chans: Set<ChanId>;
  readonly bufs: Map<BufId, number>;
  readonly mapDev: Map<BufId, string>;
  readonly descs: Map<DescId, { chan: ChanId; sgLen: number; xtChunks: number }>;
  readonly held: Set<ChanId>;
  readonly callbacks: Map<DescId, { fn: 'callback' | 'callback_result'; action: CallbackAction }>;
  readonly cookies: Map<number, DescId>;
}

const sgFill = (name: string, es: readonly SgEntry[]): string[] => [
  `sg_init_table(${name}, ${es.length});`,
  ...es.flatMap((e, i) => [`sg_dma_address(&${name}[${i}]) = dma${e.buf} + ${e.offset};`, `sg_dma_len(&${name}[${i}]) = ${e.len};`]),
];

/** Statements of one call (several lines for a scatterlist or a template). */
function callC(c: ClientCall, o: Objects, cfg: EngineConfig): string[] {
  const devOf = (ch: ChanId) => `dmaengine_get_dma_device(chan${ch})`;
  const cookie = (v: number) => { const d = o.cookies.get(v); return d !== undefined ? `cookie_d${d}` : `(dma_cookie_t)${v}`; };
  switch (c.op) {
    case 'request_chan': { const i = cfg.slaves.findIndex((s) => s.name === c.name); o.chans.add(i); o.held.add(i); return [`chan${i} = dma_request_chan(dev, "${c.name}");`]; }
    case 'request_channel': {
      const i = cfg.slaves.findIndex((_, k) => !o.held.has(k) && hasCapability(cfg, k, c.mask));
      const cap = c.mask === 'memcpy' ? ['DMA_MEMCPY'] : c.mask === 'cyclic' ? ['DMA_SLAVE', 'DMA_CYCLIC'] : ['DMA_SLAVE'];
      const to = i >= 0 ? `chan${i}` : 'chan_none';
      if (i >= 0) { o.chans.add(i); o.held.add(i); }
      return ['dma_cap_zero(mask);', ...cap.map((x) => `dma_cap_set(${x}, mask);`), `${to} = dma_request_channel(mask, NULL, NULL);`];
    }
    case 'release_channel': o.held.delete(c.chan); return [`dma_release_channel(chan${c.chan});`];
    case 'slave_config': return [
      `cfg = (struct dma_slave_config){ .src_addr_width = ${c.cfg.srcAddrWidth}, .dst_addr_width = ${c.cfg.dstAddrWidth}, .src_maxburst = ${c.cfg.srcMaxburst}, .dst_maxburst = ${c.cfg.dstMaxburst} };${c.cfg.slaveId !== undefined ? ` /* legacy slave_id ${c.cfg.slaveId} */` : ''}`,
      `ret = dmaengine_slave_config(chan${c.chan}, &cfg);`,
    ];
    case 'get_slave_caps': return [`ret = dma_get_slave_caps(chan${c.chan}, &caps);`];
    case 'alloc_buf': o.bufs.set(c.buf, c.len); return [`buf${c.buf} = kmalloc(${c.len}, GFP_KERNEL);`];
    case 'free_buf': return [`kfree(buf${c.buf});`];
    case 'map_buf': { const d = c.dev === 'dma' ? devOf(c.chan) : 'client_dev'; o.mapDev.set(c.buf, d); return [`dma${c.buf} = dma_map_single(${d}, buf${c.buf}, ${o.bufs.get(c.buf) ?? 0}, DMA_BIDIRECTIONAL);`]; }
    case 'unmap_buf': {
      const d = c.dev === 'client' ? 'client_dev' : (o.mapDev.get(c.buf) ?? 'client_dev');
      return [`dma_unmap_single(${d}, dma${c.buf}, ${o.bufs.get(c.buf) ?? 0}, DMA_BIDIRECTIONAL);`];
    }
    case 'give_back': return [`/* buf${c.buf} handed back to its owner while still mapped */`];
    case 'prep_slave_sg': case 'prep_dma_vec': {
      const es = c.op === 'prep_slave_sg' ? c.sgl : c.vecs;
      o.descs.set(c.desc, { chan: c.chan, sgLen: es.length, xtChunks: 0 });
      if (c.op === 'prep_dma_vec') {
        // dmaengine_prep_peripheral_dma_vec exists from Linux 6.10.
        return ['#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)',
          ...es.map((e, i) => `vecs_d${c.desc}[${i}] = (struct dma_vec){ .addr = dma${e.buf} + ${e.offset}, .len = ${e.len} };`),
          `d${c.desc} = dmaengine_prep_peripheral_dma_vec(chan${c.chan}, vecs_d${c.desc}, ${es.length}, ${DIR[c.dir]}, ${cflags(c.flags)});`,
          '#endif'];
      }
      return [...sgFill(`sg_d${c.desc}`, es), `d${c.desc} = dmaengine_prep_slave_sg(chan${c.chan}, sg_d${c.desc}, ${es.length}, ${DIR[c.dir]}, ${cflags(c.flags)});`];
    }
    case 'prep_cyclic':
      o.descs.set(c.desc, { chan: c.chan, sgLen: 0, xtChunks: 0 });
      return [`d${c.desc} = dmaengine_prep_dma_cyclic(chan${c.chan}, dma${c.buf}, ${c.bufLen}, ${c.periodLen}, ${DIR[c.dir]}, ${cflags(c.flags)});`];
    case 'prep_interleaved': {
      const x = c.xt;
      o.descs.set(c.desc, { chan: c.chan, sgLen: 0, xtChunks: x.chunks.length });
      const v = `xt_d${c.desc}`;
      const start = x.dir === 'DEV_TO_MEM' ? 'dst' : 'src';
      return [
        `${v} = kzalloc(struct_size(${v}, sgl, ${x.chunks.length}), GFP_KERNEL);`,
        `${v}->${start}_start = dma${x.buf} + ${x.offset};`,
        `${v}->dir = ${DIR[x.dir]};`, `${v}->${start}_inc = true;`, `${v}->${start}_sgl = true;`,
        `${v}->numf = ${x.numf};`, `${v}->frame_size = ${x.chunks.length};`,
        ...x.chunks.flatMap((k, i) => [`${v}->sgl[${i}].size = ${k.size};`, `${v}->sgl[${i}].icg = ${k.icg};`]),
        `d${c.desc} = dmaengine_prep_interleaved_dma(chan${c.chan}, ${v}, ${cflags(c.flags)});`,
      ];
    }
    case 'prep_memcpy':
      o.descs.set(c.desc, { chan: c.chan, sgLen: 0, xtChunks: 0 });
      return [`d${c.desc} = dmaengine_prep_dma_memcpy(chan${c.chan}, dma${c.dst.buf} + ${c.dst.offset}, dma${c.src.buf} + ${c.src.offset}, ${c.len}, ${cflags(c.flags)});`];
    case 'set_callback':
      o.callbacks.set(c.desc, { fn: c.fn, action: c.action });
      return c.fn === 'callback'
        ? [`d${c.desc}->callback = dmacheck_cb_d${c.desc};`, `d${c.desc}->callback_param = NULL;`]
        : [`d${c.desc}->callback_result = dmacheck_cb_d${c.desc};`, `d${c.desc}->callback_param = NULL;`];
    case 'set_reuse': return [`ret = dmaengine_desc_set_reuse(d${c.desc});`];
    case 'desc_free': return [`ret = dmaengine_desc_free(d${c.desc});`];
    case 'metadata_supported': return [`supported = dmaengine_is_metadata_mode_supported(chan${c.chan}, DESC_METADATA_${c.mode.toUpperCase()});`];
    case 'attach_metadata': return [`ret = dmaengine_desc_attach_metadata(d${c.desc}, md_buf, ${c.len});`];
    case 'get_metadata_ptr': return [`md = dmaengine_desc_get_metadata_ptr(d${c.desc}, &payload_len, &max_len);`];
    case 'set_metadata_len': return [`ret = dmaengine_desc_set_metadata_len(d${c.desc}, ${c.len});`];
    case 'access_metadata': return c.write ? [`memset(md, 0, max_len); /* d${c.desc} */`] : [`memcpy(md_buf, md, payload_len); /* d${c.desc} */`];
    case 'submit': return [`cookie_d${c.desc} = dmaengine_submit(d${c.desc});`];
    case 'issue_pending': return [`dma_async_issue_pending(chan${c.chan});`];
    case 'tx_status': return [`status = dmaengine_tx_status(chan${c.chan}, ${cookie(c.cookie)}, ${c.withState ? '&state' : 'NULL'});`];
    case 'is_tx_complete': return [`status = dma_async_is_tx_complete(chan${c.chan}, ${cookie(c.cookie)}, &last, &used);`];
    case 'pause': return [`ret = dmaengine_pause(chan${c.chan});`];
    case 'resume': return [`ret = dmaengine_resume(chan${c.chan});`];
    case 'terminate_async': return [`ret = dmaengine_terminate_async(chan${c.chan});`];
    case 'terminate_sync': return [`ret = dmaengine_terminate_sync(chan${c.chan});`];
    case 'terminate_all': return [`ret = dmaengine_terminate_all(chan${c.chan});`];
    case 'synchronize': return [`dmaengine_synchronize(chan${c.chan});`];
    case 'periph_teardown': return [`/* the peripheral of chan${c.chan} is disabled; its FIFO contents ${c.discard === true ? 'discarded on purpose' : 'lost'} */`];
    case 'periph_enable': return [`/* the peripheral of chan${c.chan} is enabled */`];
  }
}

/** The body of the callback of a descriptor on `chan`, doing `a`. */
function actionC(a: CallbackAction, desc: DescId, chan: ChanId, o: Objects): string[] {
  switch (a.kind) {
    case 'none': return [];
    case 'chain': return [
      `/* chain ${a.len} bytes of buf${a.buf} */`,
      `sg_init_table(dmacheck_sg_chained, 1);`, `sg_dma_address(&dmacheck_sg_chained[0]) = dma${a.buf};`, `sg_dma_len(&dmacheck_sg_chained[0]) = ${a.len};`,
      `next = dmaengine_prep_slave_sg(chan${chan}, dmacheck_sg_chained, 1, ${DIR[a.dir]}, DMA_PREP_INTERRUPT | DMA_CTRL_ACK);`,
      'if (next) {', `${T}dmaengine_submit(next);`, `${T}dma_async_issue_pending(chan${chan});`, '}',
    ];
    case 'terminate_async': case 'synchronize': case 'terminate_sync':
      return [`dmaengine_${a.kind}(chan${chan});`];
    case 'read_metadata': return [`md = dmaengine_desc_get_metadata_ptr(d${desc}, &payload_len, &max_len);`, 'if (!IS_ERR(md))', `${T}memcpy(md_buf, md, min_t(size_t, payload_len, sizeof(md_buf)));`];
    case 'tx_status': return [`dmaengine_tx_status(chan${chan}, cookie_d${desc}, &state);`];
    case 'resubmit_self': return [`cookie_d${desc} = dmaengine_submit(d${desc});`];
    case 'busy_wait_periph': return ['/* spin until the peripheral FIFO is empty */', 'cpu_relax();'];
    case 'seq': return a.actions.flatMap((x) => actionC(x, desc, chan, o));
    case 'unmap': return [`dma_unmap_single(${o.mapDev.get(a.buf) ?? 'client_dev'}, dma${a.buf}, ${o.bufs.get(a.buf) ?? 0}, DMA_BIDIRECTIONAL);`];
  }
}

const envComment = (e: Extract<TraceEntry, { k: 'env' }>): string => {
  const s = e.step;
  switch (s.op) {
    case 'advance': return `/* the hardware runs for ${s.units} time units */`;
    case 'irq': return `/* the DMA interrupt of chan${s.chan} is handled */`;
    case 'tasklet': return `/* the completion tasklet of chan${s.chan} runs */`;
    case 'drain': return `/* the peripheral of chan${s.chan} drains ${s.bytes} bytes */`;
  }
};

/** The complete C of a counterexample: declarations, callbacks, `dmacheck_counterexample(dev)`. @public */
export function cClient(trace: readonly TraceEntry[], cfg: EngineConfig): string {
  const o: Objects = { chans: new Set(), bufs: new Map(), mapDev: new Map(), descs: new Map(), held: new Set(), callbacks: new Map(), cookies: new Map() };
  const body: string[] = [];
  let depth = 0;
  for (let i = 0; i < trace.length; i++) {
    const e = trace[i]!;
    if (e.k === 'cb') { depth++; if (depth === 1) body.push(`/* ${e.cb.fn} of d${e.cb.desc} runs (from ${e.cb.ctx}) */`); continue; }
    if (e.k === 'cb_ret') { depth = Math.max(0, depth - 1); continue; }
    if (e.k === 'ret' && depth === 0) {
      const prev = trace.slice(0, i).reverse().find((x) => x.k === 'call');
      if (prev?.k === 'call' && prev.call.op === 'submit' && e.ret.t === 'cookie') o.cookies.set(e.ret.v, prev.call.desc);
      continue;
    }
    if (depth > 0) continue;
    if (e.k === 'env') body.push(envComment(e));
    if (e.k !== 'call') continue;
    const lines = callC(e.call, o, cfg);
    if (e.ctx === 'atomic') body.push('spin_lock_irqsave(&client_lock, flags);', ...lines.map((l) => (l.startsWith('#') ? l : `${T}${l}`)), 'spin_unlock_irqrestore(&client_lock, flags);');
    else if (e.ctx === 'hardirq') body.push('/* from the client\'s interrupt handler: */', ...lines);
    else body.push(...lines);
  }
  const chans = [...new Set([...o.chans, ...[...o.descs.values()].map((d) => d.chan)])].sort((a, b) => a - b);
  const cbs = [...o.callbacks].map(([d, cb]) => {
    const chan = o.descs.get(d)?.chan ?? 0;
    const sig = cb.fn === 'callback' ? `static void dmacheck_cb_d${d}(void *param)` : `static void dmacheck_cb_d${d}(void *param, const struct dmaengine_result *result)`;
    const lines = actionC(cb.action, d, chan, o);
    const locals = lines.some((l) => /\bnext\b/.test(l)) ? [`${T}struct dma_async_tx_descriptor *next;`, ''] : [];
    return [sig, '{', ...locals, ...lines.map((l) => `${T}${l}`), '}'].join('\n');
  });
  const code = [...body, ...cbs].join('\n').replace(/\/\*[\s\S]*?\*\//g, '');
  // Only what the code names is declared (each line: the identifier it declares, the declaration).
  const used = ([id]: readonly [string, string]) => new RegExp(`\\b${id}\\b`).test(code);
  const VEC = '#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 10, 0)';
  const decls: (readonly [string, string])[] = [
    ['client_lock', 'static DEFINE_SPINLOCK(client_lock);'],
    ['client_dev', 'static struct device *client_dev;'],
    ...chans.map((c) => [`chan${c}`, `static struct dma_chan *chan${c};`] as const),
    ['chan_none', 'static struct dma_chan *chan_none;'],
    ...[...o.bufs.keys()].flatMap((b) => [[`buf${b}`, `static void *buf${b};`], [`dma${b}`, `static dma_addr_t dma${b};`]] as const),
    ...[...o.descs].flatMap(([d, x]) => [
      [`d${d}`, `static struct dma_async_tx_descriptor *d${d} __maybe_unused;`],
      [`cookie_d${d}`, `static dma_cookie_t cookie_d${d} __maybe_unused;`],
      [`sg_d${d}`, `static struct scatterlist sg_d${d}[${Math.max(1, x.sgLen)}];`],
      [`vecs_d${d}`, `${VEC}\nstatic struct dma_vec vecs_d${d}[${Math.max(1, x.sgLen)}];\n#endif`],
      [`xt_d${d}`, `static struct dma_interleaved_template *xt_d${d};`],
    ] as const),
    ['dmacheck_sg_chained', 'static struct scatterlist dmacheck_sg_chained[1];'],
    ['state', 'static struct dma_tx_state state;'],
    ['md', 'static void *md;'],
    ['payload_len', 'static size_t payload_len, max_len;'],
    ['md_buf', 'static u8 md_buf[64];'],
  ];
  // Locals of the function; `ret` and `status` keep the returns a reader may want to print.
  const locals: (readonly [string, string])[] = [
    ['cfg', 'struct dma_slave_config cfg;'],
    ['caps', 'struct dma_slave_caps caps;'],
    ['mask', 'dma_cap_mask_t mask;'],
    ['status', 'enum dma_status status __maybe_unused;'],
    ['last', 'dma_cookie_t last, used;'],
    ['flags', 'unsigned long flags;'],
    ['supported', 'bool supported __maybe_unused;'],
    ['ret', 'int ret __maybe_unused;'],
  ];
  const fnLocals = locals.filter(used).map(([, l]) => `${T}${l}`);
  const fn = [
    'static int dmacheck_counterexample(struct device *dev)',
    '{',
    ...fnLocals,
    ...(fnLocals.length > 0 ? [''] : []),
    ...(used(['client_dev', '']) ? [`${T}client_dev = dev;`] : []),
    ...body.map((l) => (l.startsWith('#') ? l : `${T}${l}`)),
    `${T}return 0;`,
    '}',
  ];
  return [...decls.filter(used).map(([, d]) => d), '', ...cbs.flatMap((c) => [c, '']), ...fn].join('\n');
}

const INCLUDES = ['linux/module.h', 'linux/version.h', 'linux/device.h', 'linux/dmaengine.h', 'linux/dma-mapping.h', 'linux/scatterlist.h', 'linux/slab.h', 'linux/spinlock.h', 'linux/err.h'];

const header = (title: string, extra: readonly string[] = []): string =>
  ['// SPDX-License-Identifier: GPL-2.0', `/* dmacheck counterexample: ${title.replace(/\*\//g, '* /')} */`, ...[...INCLUDES, ...extra].map((h) => `#include <${h}>`), ''].join('\n');

/** A kernel module: the counterexample runs from the probe of a platform driver "dmacheck-cx". @public */
export function cModuleFile(trace: readonly TraceEntry[], cfg: EngineConfig, title: string): string {
  return [header(title, ['linux/platform_device.h']), cClient(trace, cfg), '',
    'static int dmacheck_cx_probe(struct platform_device *pdev)', '{', `${T}return dmacheck_counterexample(&pdev->dev);`, '}', '',
    'static struct platform_driver dmacheck_cx_driver = {', `${T}.probe = dmacheck_cx_probe,`, `${T}.driver = { .name = "dmacheck-cx" },`, '};',
    'module_platform_driver(dmacheck_cx_driver);', 'MODULE_LICENSE("GPL");', 'MODULE_DESCRIPTION("dmacheck counterexample");', ''].join('\n');
}

/** The same counterexample as a KUnit suite: one case runs it on a root device. @public */
export function cKunitFile(trace: readonly TraceEntry[], cfg: EngineConfig, title: string): string {
  return [header(title, ['kunit/test.h']), cClient(trace, cfg), '',
    'static void dmacheck_cx_test(struct kunit *test)', '{',
    `${T}struct device *dev = root_device_register("dmacheck-cx");`, '',
    `${T}KUNIT_ASSERT_FALSE(test, IS_ERR(dev));`,
    `${T}KUNIT_EXPECT_EQ(test, dmacheck_counterexample(dev), 0);`,
    `${T}root_device_unregister(dev);`, '}', '',
    'static struct kunit_case dmacheck_cx_cases[] = {', `${T}KUNIT_CASE(dmacheck_cx_test),`, `${T}{}`, '};', '',
    'static struct kunit_suite dmacheck_cx_suite = {', `${T}.name = "dmacheck-counterexample",`, `${T}.test_cases = dmacheck_cx_cases,`, '};',
    'kunit_test_suite(dmacheck_cx_suite);', 'MODULE_LICENSE("GPL");', ''].join('\n');
}
