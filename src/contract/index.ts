// Environment contracts: what a script needs from its environment (on the engine's one analysis,
// fix/), the invocations deployment files make of it, and whether they give it what it needs.

export { type CheckFinding, checkInvocation } from './check.js';
export { composeInvocations } from './compose.js';
export { dockerfileInvocations } from './dockerfile.js';
export { type Invocation, splitCommandLine } from './invocation.js';
export { k8sInvocations } from './k8s.js';
export { manifestDefaults } from './manifest-defaults.js';
export {
  type ContractInput,
  contractWithReads,
  need,
  type ScriptContract,
  scriptContract,
  stops,
} from './script-contract.js';
export { workflowInvocations } from './workflow.js';
export { child, readYaml, type YamlFile } from './yaml-doc.js';
