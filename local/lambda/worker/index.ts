/** Lambda's execution environments on a worker thread: see {@link startWorkerLambdaRuntime}. */
export { startWorkerLambdaRuntime, type WorkerLambdaRuntime, type WorkerLambdaRuntimeOptions } from './workerRuntime';
export type { DeployFunctions, HostedFunctions, InvocationCaller } from './hostedFunctions';
