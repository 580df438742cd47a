/** Lambda's quotas that an Invoke from Step Functions runs into. */

/** Largest synchronous (RequestResponse) request payload: 6 MB. */
export const MAX_SYNC_REQUEST_BYTES = 6_291_456;

/**
 * Largest synchronous response payload. Lambda states it as 6 MB but measures 6,291,556 bytes
 * (the figure in its `Function.ResponseSizeTooLarge` message).
 */
export const MAX_SYNC_RESPONSE_BYTES = 6_291_556;

/** Lambda's default function timeout (3 s) and memory (128 MB). */
export const DEFAULT_TIMEOUT_MS = 3_000;
export const DEFAULT_MEMORY_MB = 128;
