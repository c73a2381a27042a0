// The shapes of a nounset configuration, as validateConfig returns it. Types only.

import type { FixStyle } from '../types/index.js';

/** `auto` detects the dialect per file; `sh` and `posix` are the same dialect. */
export type ConfigDialect = 'auto' | 'bash' | 'sh' | 'posix';

/** What the top level and an override can both set. */
export interface ConfigSettings {
  readonly style?: FixStyle;
  readonly dialect?: ConfigDialect;
  /** NAME → default value. */
  readonly defaults?: Readonly<Record<string, string>>;
  /** Inputs that must be set. */
  readonly required?: readonly string[];
  /** Variables nounset never touches. */
  readonly ignoreVars?: readonly string[];
  /** Variables a sourced file nounset cannot follow may set: left alone, or taken as inputs. */
  readonly sourcedUnknown?: 'inline' | 'leave' | 'input';
  /** Guard every destructive path reference with `${X:?…}` (`--guard-destructive`). */
  readonly guardDestructive?: boolean;
  /** Move no line (`--keep-line-numbers`). */
  readonly keepLineNumbers?: boolean;
  /** The oldest bash the scripts must run under (`--bash-version`). */
  readonly bashVersion?: '3.2' | '4.0' | '4.4' | '5';
  /** Fix generated files too (`--include-generated`). */
  readonly includeGenerated?: boolean;
}

export interface ConfigOverride extends ConfigSettings {
  /** Gitignore-style globs relative to the config's directory; a single string in the file becomes a one-element array. */
  readonly files: readonly string[];
  readonly excludeFiles?: readonly string[];
}

/** How `nounset pr` finds the deployment files that run the scripts, and the scripts in them. */
export interface ContractConfig {
  /** CONTAINER_PATH → REPO_PATH: where a path the files name is in the repository (as `--map`). */
  readonly map?: Readonly<Record<string, string>>;
  /** Gitignore-style globs, relative to the config's directory, of the Kubernetes YAML, compose
   * files, workflows and Dockerfiles to check; default: every `*.yaml`, `*.yml` and Dockerfile. */
  readonly manifests?: readonly string[];
}

/** A validated config; `$schema` is dropped. */
export interface NounsetConfig extends ConfigSettings {
  /** Gitignore-style globs, relative to the config's directory, of files nounset leaves alone. */
  readonly exclude?: readonly string[];
  readonly contract?: ContractConfig;
  /** Applied in order after the top level, each to the files its globs match. */
  readonly overrides?: readonly ConfigOverride[];
}

/** A config and where it came from. */
export interface LoadedConfig {
  /** Absolute path of the `.nounsetrc.json` or `package.json`. */
  readonly path: string;
  /** Its directory: globs are relative to it. */
  readonly dir: string;
  readonly config: NounsetConfig;
}

/** The settings for one file: the top level with the matching overrides applied. */
export interface ResolvedFileConfig {
  style?: FixStyle;
  dialect?: ConfigDialect;
  defaults: Record<string, string>;
  /** Sorted, without duplicates. */
  required: string[];
  /** Sorted, without duplicates. */
  ignoreVars: string[];
  sourcedUnknown?: 'inline' | 'leave' | 'input';
  guardDestructive?: boolean;
  keepLineNumbers?: boolean;
  bashVersion?: '3.2' | '4.0' | '4.4' | '5';
  includeGenerated?: boolean;
}
