// The file system as nounset sees it (ScriptIO, passed in) and its node:fs implementation. At the
// bottom: config/ and run/ both take it from here.

export { decodeScript, decodeScriptText, nodeIO } from './node-script-io.js';
export {
  describeIOError,
  type EntryKind,
  type EntryStat,
  encodeScript,
  fitsLatin1,
  NotTextError,
  readScriptText,
  type ScriptIO,
  type ScriptText,
  type TextEncoding,
} from './script-io.js';
