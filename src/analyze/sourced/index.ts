// The files a script sources: which file a `source` names (a literal, a directive, a directory
// variable), read through the caller, parsed and modelled once per run.

export { forgetSharedParses, type LoaderOptions, sharedTree, sourceLoader } from './source-loader.js';
