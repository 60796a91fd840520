/** Time and ids are passed into shared/ code so it stays deterministic under test. */
export interface Clock {
  /** ISO 8601 UTC. */
  now(): string;
}

export interface IdSource {
  newId(): string;
}

export const systemClock: Clock = { now: () => new Date().toISOString() };
export const randomIds: IdSource = { newId: () => crypto.randomUUID() };
