// Entry of a fuzz worker thread: a worker does not inherit the tsx loader of the main
// thread, so register it here, then load the TypeScript worker (fuzz/worker.ts).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
