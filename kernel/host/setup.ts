/**
 * `dmacheck kernel setup`: fetch and unpack what a real-kernel run needs, idempotently,
 * on a bare Debian 12 machine as root (kernel-notes.md §What works):
 *   1. host tools: arm64 as a foreign dpkg architecture; qemu-system-arm,
 *      gcc-aarch64-linux-gnu (gcc 12, the kernel's own compiler), cpio;
 *   2. the current kernel ABI from `apt-cache depends linux-image-arm64:arm64`;
 *   3. `apt-get download` of the arm64 image, its headers (arch + common), the host's
 *      linux-kbuild-6.1 (fixdep, modpost) and busybox-static:arm64, unpacked with
 *      `dpkg-deb -x` into the cache (cacheLayout) — nothing is installed system-wide
 *      except the host tools;
 *   4. the arch headers' Makefile includes the common tree by an absolute /usr/src path:
 *      point it at the private copy;
 *   5. build the agent module (kernel/agent) out of tree against those headers.
 * Every step says what it did or that it was already done.
 * @internal
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mustRun, onPath, run } from './exec.ts';
import { type CacheLayout, KBUILD_SERIES, cacheLayout } from './paths.ts';

export type Log = (line: string) => void;

/** What a finished set-up leaves in the cache stamp. */
export interface SetupStamp {
  readonly abi: string;
  /** uname -r of the guest kernel, e.g. "6.1.0-57-arm64". */
  readonly release: string;
  /** Debian package version, e.g. "6.1.192-1". */
  readonly version: string;
}

const HOST_TOOLS: readonly { readonly cmd: string; readonly pkg: string }[] = [
  { cmd: 'qemu-system-aarch64', pkg: 'qemu-system-arm' },
  { cmd: 'aarch64-linux-gnu-gcc', pkg: 'gcc-aarch64-linux-gnu' },
  { cmd: 'cpio', pkg: 'cpio' },
  { cmd: 'make', pkg: 'make' },
  { cmd: 'dtc', pkg: 'device-tree-compiler' },
];

/** The agent's sources (kernel/agent), copied into the cache to build out of tree. */
export const AGENT_SRC = fileURLToPath(new URL('../agent/', import.meta.url));

/** Runs every set-up step; throws an Error with a one-line reason when a step fails. */
export async function setupKernel(log: Log): Promise<SetupStamp> {
  const updated = await ensureHostTools(log);
  let abi = await currentAbi(log);
  try {
    await downloadPackages(cacheLayout(abi), packagesOf(abi), log);
  } catch (e) {
    // Stale package lists can name an ABI the mirror has dropped: update once and retry.
    if (updated) throw e;
    await aptUpdate(log);
    abi = await currentAbi(log);
    await downloadPackages(cacheLayout(abi), packagesOf(abi), log);
  }
  const c = cacheLayout(abi);
  const release = `${abi}-arm64`;
  await unpackPackages(c, log);
  pointHeadersAtPrivateCommon(c, abi, log);
  await trimDeviceTree(c, log);
  await buildAgent(c, log);
  const version = (await mustRun('dpkg-deb', ['-f', debFor(c, `linux-image-${release}`), 'Version'])).trim();
  const stamp: SetupStamp = { abi, release, version };
  writeFileSync(c.stamp, `${JSON.stringify(stamp)}\n`);
  log(`kernel ${release} (${version}) ready in ${c.dir}`);
  return stamp;
}

/** The packages of one ABI: the arm64 kernel, its headers, the host's kbuild tools, busybox. */
function packagesOf(abi: string): string[] {
  return [
    `linux-image-${abi}-arm64:arm64`,
    `linux-headers-${abi}-arm64:arm64`,
    `linux-headers-${abi}-common`,
    `linux-kbuild-${KBUILD_SERIES}`,
    'busybox-static:arm64',
  ];
}

/** Installs what is missing; true when it updated the package lists. */
async function ensureHostTools(log: Log): Promise<boolean> {
  const archs = (await mustRun('dpkg', ['--print-foreign-architectures'])).split('\n');
  const missing: string[] = [];
  for (const t of HOST_TOOLS) if (!(await onPath(t.cmd))) missing.push(t.pkg);
  if (archs.includes('arm64') && missing.length === 0) {
    log('host tools: present (arm64 architecture, qemu, cross gcc, cpio, make, dtc)');
    return false;
  }
  requireRoot('install host packages');
  if (!archs.includes('arm64')) {
    await mustRun('dpkg', ['--add-architecture', 'arm64']);
    log('dpkg: added architecture arm64');
  }
  await aptUpdate(log);
  if (missing.length > 0) {
    await mustRun('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    log(`apt-get install: ${missing.join(' ')}`);
  }
  return true;
}

async function aptUpdate(log: Log): Promise<void> {
  requireRoot('update the package lists');
  await mustRun('apt-get', ['update']);
  log('apt-get update: done');
}

function requireRoot(what: string): void {
  if (process.getuid?.() !== 0) throw new Error(`kernel setup must run as root to ${what}`);
}

/** The ABI the arm64 meta-package points at ("6.1.0-57"); updates the lists once if arm64 is unknown. */
async function currentAbi(log: Log): Promise<string> {
  const ask = async (): Promise<string | undefined> => {
    const r = await run('apt-cache', ['depends', 'linux-image-arm64:arm64']);
    return /linux-image-(\d+\.\d+\.\d+-\d+)-arm64/.exec(r.stdout)?.[1];
  };
  const first = await ask();
  if (first !== undefined) {
    log(`kernel ABI: ${first}`);
    return first;
  }
  await aptUpdate(log);
  const abi = await ask();
  if (abi === undefined) throw new Error('apt-cache depends linux-image-arm64:arm64 names no kernel (is the Debian mirror reachable?)');
  log(`kernel ABI: ${abi}`);
  return abi;
}

function debFor(c: CacheLayout, pkg: string): string {
  const name = readdirSync(c.debs).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb'));
  if (name === undefined) throw new Error(`no .deb for ${pkg} in ${c.debs}`);
  return join(c.debs, name);
}

async function downloadPackages(c: CacheLayout, packages: readonly string[], log: Log): Promise<void> {
  mkdirSync(c.debs, { recursive: true });
  const have = readdirSync(c.debs);
  const wanted = packages.filter((p) => !have.some((f) => f.startsWith(`${p.replace(/:arm64$/, '')}_`)));
  if (wanted.length === 0) {
    log(`packages: already downloaded (${packages.length})`);
    return;
  }
  await mustRun('apt-get', ['download', ...wanted], { cwd: c.debs });
  log(`apt-get download: ${wanted.join(' ')}`);
}

async function unpackPackages(c: CacheLayout, log: Log): Promise<void> {
  mkdirSync(c.root, { recursive: true });
  const marks = join(c.dir, 'unpacked');
  mkdirSync(marks, { recursive: true });
  let count = 0;
  for (const deb of readdirSync(c.debs).filter((f) => f.endsWith('.deb'))) {
    const mark = join(marks, deb);
    if (existsSync(mark)) continue;
    await mustRun('dpkg-deb', ['-x', join(c.debs, deb), c.root]);
    writeFileSync(mark, '');
    count += 1;
  }
  log(count === 0 ? 'unpack: already done' : `dpkg-deb -x: ${count} package(s) into ${c.root}`);
}

/** The arch headers' Makefile reads the common tree from /usr/src/...; point it at our copy. */
function pointHeadersAtPrivateCommon(c: CacheLayout, abi: string, log: Log): void {
  const makefile = join(c.headersArm64, 'Makefile');
  const wanted = `include ${c.headersCommon}/Makefile\n`;
  if (readFileSync(makefile, 'utf8') === wanted) {
    log('headers Makefile: already points at the private common tree');
    return;
  }
  writeFileSync(makefile, wanted);
  log(`headers Makefile: /usr/src/linux-headers-${abi}-common -> ${c.headersCommon}`);
}

/**
 * Drops the firmware node (and the power domains that ask it) from the device tree:
 * QEMU does not answer the mailbox property calls their drivers make, which costs ~4 s
 * of boot (kernel-notes.md §Timings). The DMA node references neither.
 * Optional: without dtc the runner boots the original tree.
 */
async function trimDeviceTree(c: CacheLayout, log: Log): Promise<void> {
  if (existsSync(c.dtbTrimmed)) {
    log('device tree: trimmed copy present');
    return;
  }
  if (!(await onPath('fdtput'))) {
    log('device tree: fdtput missing, booting the original tree');
    return;
  }
  copyFileSync(c.dtb, `${c.dtbTrimmed}.tmp`);
  const r = await run('fdtput', ['-r', `${c.dtbTrimmed}.tmp`, '/soc/firmware', '/soc/power']);
  if (r.code !== 0) {
    rmSync(`${c.dtbTrimmed}.tmp`);
    log(`device tree: could not trim (${r.stderr.trim()}); booting the original tree`);
    return;
  }
  copyFileSync(`${c.dtbTrimmed}.tmp`, c.dtbTrimmed);
  rmSync(`${c.dtbTrimmed}.tmp`);
  log('device tree: firmware node removed');
}

/** Hash of the agent's sources: the module is rebuilt only when they change. */
function agentSourceHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(AGENT_SRC).sort()) h.update(f).update(readFileSync(join(AGENT_SRC, f)));
  return h.digest('hex');
}

/** What one out-of-tree build of the agent gave. */
export interface AgentBuild {
  readonly ok: boolean;
  /** The compiler's and modpost's warning lines (the agent must have none). */
  readonly warnings: readonly string[];
  readonly output: string;
}

/** Copies kernel/agent into `outDir` and builds dmacheck_agent.ko there against `headersDir`. */
export async function compileAgent(headersDir: string, outDir: string): Promise<AgentBuild> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  for (const f of readdirSync(AGENT_SRC)) copyFileSync(join(AGENT_SRC, f), join(outDir, f));
  const r = await run('make', ['-C', headersDir, `M=${outDir}`, 'ARCH=arm64', 'CROSS_COMPILE=aarch64-linux-gnu-', 'modules']);
  const output = `${r.stdout}\n${r.stderr}`;
  return { ok: r.code === 0, warnings: output.split('\n').filter((l) => /warning:/i.test(l)), output };
}

/** Builds the agent into the cache unless its sources are unchanged since the last build. */
export async function buildAgent(c: CacheLayout, log: Log): Promise<void> {
  const hash = agentSourceHash();
  const hashFile = join(c.agentBuild, 'source.sha256');
  if (existsSync(c.agentKo) && existsSync(hashFile) && readFileSync(hashFile, 'utf8') === hash) {
    log('agent module: up to date');
    return;
  }
  const b = await compileAgent(c.headersArm64, c.agentBuild);
  if (!b.ok) throw new Error(`agent module build failed: ${b.output.trim().split('\n').slice(-8).join('\n')}`);
  writeFileSync(hashFile, hash);
  log(`agent module: built ${c.agentKo}${b.warnings.length > 0 ? ` with ${b.warnings.length} warning(s)` : ''}`);
}
