export { startSandbox, createSandboxApp, createSandboxContext } from './app/sandbox';
export type { SandboxHandle, SandboxOptions } from './app/sandbox';
export type { SeedRequest } from './control/seed';
export type { FaultSpec } from './state/faults';
