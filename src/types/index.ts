// The shapes the library takes and returns. Types only: every layer may read them, nothing here runs.

export type * from './run.js';
export type * from './script.js';
