/**
 * Where the kernel cache lives and what it holds. One layout, read by setup (which
 * fills it) and by the runner (which only reads it).
 * @internal
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Debian kernel series whose packages set-up fetches (linux-kbuild-6.1). */
export const KBUILD_SERIES = '6.1';

/** Root of the per-ABI caches: $DMACHECK_KERNEL_CACHE or ~/.cache/dmacheck/kernel. */
export function cacheRoot(): string {
  return process.env.DMACHECK_KERNEL_CACHE ?? join(homedir(), '.cache', 'dmacheck', 'kernel');
}

/** The files of one ABI's cache (e.g. abi "6.1.0-57"). */
export interface CacheLayout {
  readonly dir: string;
  readonly debs: string;
  /** The unpacked packages (dpkg-deb -x of each .deb). */
  readonly root: string;
  readonly vmlinuz: string;
  readonly dtb: string;
  /** The device tree without the firmware node (optional; see setup). */
  readonly dtbTrimmed: string;
  readonly busybox: string;
  readonly headersArm64: string;
  readonly headersCommon: string;
  /** Out-of-tree build directory of the agent module. */
  readonly agentBuild: string;
  readonly agentKo: string;
  /** JSON written last by a finished set-up: { abi, release, version }. */
  readonly stamp: string;
}

export function cacheLayout(abi: string, root = cacheRoot()): CacheLayout {
  const dir = join(root, abi);
  const unpacked = join(dir, 'root');
  const release = `${abi}-arm64`;
  return {
    dir,
    debs: join(dir, 'debs'),
    root: unpacked,
    vmlinuz: join(unpacked, 'boot', `vmlinuz-${release}`),
    dtb: join(unpacked, 'usr', 'lib', `linux-image-${release}`, 'broadcom', 'bcm2837-rpi-3-b.dtb'),
    dtbTrimmed: join(dir, 'bcm2837-rpi-3-b.trimmed.dtb'),
    busybox: join(unpacked, 'bin', 'busybox'),
    headersArm64: join(unpacked, 'usr', 'src', `linux-headers-${release}`),
    headersCommon: join(unpacked, 'usr', 'src', `linux-headers-${abi}-common`),
    agentBuild: join(dir, 'agent-build'),
    agentKo: join(dir, 'agent-build', 'dmacheck_agent.ko'),
    stamp: join(dir, 'setup.json'),
  };
}
