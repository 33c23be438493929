// Worker thread owning the implementation's child process for the synchronous stdio
// adapter (adapters/stdio/client.ts). The main thread blocks in Atomics.wait while an
// implementation handles a request, so the child's pipes are served here: stdout is
// split into lines (capped), each line is posted to the main thread and the shared
// flag is bumped to wake it. Plain JavaScript on purpose: a worker does not inherit the
// tsx loader, and this file needs no types beyond what the comments say.
// Worker → main messages: {kind:'spawned',pid} {kind:'lines',lines} (the complete lines of
// one read, in order: one wake-up per read, not per line — a batch/1 trace is hundreds) {kind:'oversized',bytes}
// {kind:'spawn_error',code,message} {kind:'exit',code,signal,tail} (after the child is reaped)
// {kind:'eof'} (stdout closed while the child still runs).
// Main → worker: {kind:'write',line} {kind:'kill'}.
import { spawn } from 'node:child_process';
import { parentPort, workerData } from 'node:worker_threads';

const { command, args, cwd, maxLineBytes, tailLines, port, flag } = workerData;
const signal = new Int32Array(flag);

function post(msg) {
  port.postMessage(msg);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

const tail = [];
let stderrPartial = '';
function keepStderr(text) {
  const parts = (stderrPartial + text).split('\n');
  stderrPartial = parts.pop() ?? '';
  if (stderrPartial.length > 4096) stderrPartial = stderrPartial.slice(-4096);
  for (const p of parts) {
    tail.push(p.length > 500 ? `${p.slice(0, 500)}…` : p);
    if (tail.length > tailLines) tail.shift();
  }
}
function stderrTail() {
  return stderrPartial === '' ? [...tail] : [...tail, stderrPartial].slice(-tailLines);
}

let child;
try {
  // Own process group, so that a kill also reaches what the command started (npx → node).
  child = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'], shell: false, detached: true, windowsHide: true });
} catch (e) {
  post({ kind: 'spawn_error', code: e?.code ?? 'ERR', message: String(e?.message ?? e) });
}

if (child) {
  let exited = false;
  let reading = true;
  let chunks = [];
  let pending = 0;

  child.on('spawn', () => post({ kind: 'spawned', pid: child.pid }));
  child.on('error', (e) => {
    if (child.pid === undefined) post({ kind: 'spawn_error', code: e?.code ?? 'ERR', message: String(e?.message ?? e) });
  });
  child.stdin.on('error', () => {}); // EPIPE when the child is gone: its exit is reported instead.
  child.stderr.on('data', (d) => keepStderr(d.toString('utf8')));
  child.stdout.on('data', (data) => {
    if (!reading) return;
    let start = 0;
    const lines = [];
    for (let nl = data.indexOf(10); nl !== -1; nl = data.indexOf(10, start)) {
      const piece = data.subarray(start, nl);
      const total = pending + piece.length;
      if (total > maxLineBytes) {
        if (lines.length > 0) post({ kind: 'lines', lines });
        return stopOversized(total);
      }
      // Most lines lie whole in one read: decode them in place, without a copy.
      const line = chunks.length === 0 ? data.toString('utf8', start, nl) : Buffer.concat([...chunks, piece]).toString('utf8');
      chunks = [];
      pending = 0;
      start = nl + 1;
      lines.push(line.endsWith('\r') ? line.slice(0, -1) : line);
    }
    if (lines.length > 0) post({ kind: 'lines', lines });
    const rest = data.subarray(start);
    if (pending + rest.length > maxLineBytes) return stopOversized(pending + rest.length);
    if (rest.length > 0) { chunks.push(Buffer.from(rest)); pending += rest.length; }
  });
  // A child that closes its stdout but keeps running can answer nothing more: say so at
  // once (end of file) rather than let the request time out. An exiting child also closes
  // stdout; give its exit 300 ms to be reported first (as 'exit' below).
  child.stdout.on('end', () => {
    setTimeout(() => { if (!exited && reading) post({ kind: 'eof' }); }, 300).unref();
  });
  function stopOversized(bytes) {
    reading = false;
    chunks = [];
    post({ kind: 'oversized', bytes });
  }
  // 'close' fires after the process exited (reaped) and its pipes closed, so every line it
  // wrote has been posted; if something else holds the pipes open, report at 'exit' + 300 ms.
  function reportExit(code, sig) {
    if (exited) return;
    exited = true;
    // The command exited by itself: what it started in the background (its process
    // group) must not outlive it.
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
    post({ kind: 'exit', code, signal: sig, tail: stderrTail() });
  }
  child.on('close', reportExit);
  child.on('exit', (code, sig) => setTimeout(() => reportExit(code, sig), 300).unref());

  parentPort.on('message', (msg) => {
    if (msg.kind === 'write') {
      if (!exited && child.stdin.writable) child.stdin.write(`${msg.line}\n`);
    } else if (msg.kind === 'kill') {
      if (exited) post({ kind: 'exit', code: child.exitCode, signal: child.signalCode, tail: stderrTail() });
      else {
        reading = false;
        child.stdin.destroy();
        try { process.kill(-child.pid, 'SIGKILL'); } catch { child.kill('SIGKILL'); }
      }
    }
  });
}
