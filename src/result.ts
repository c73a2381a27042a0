// The old home of the script types (now types/script.ts), kept only because report/explain.ts
// imports it and that file is being rewritten on the docs branch: delete this file once
// explain.ts imports '../types/index.js'.

export type * from './types/index.js';
