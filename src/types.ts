// Shared types of the public API and the engine. Types only: no runtime code here.

export type Severity = 'info' | 'warning' | 'error';

/** One explained fact about a file: a stable id (see src/messages.ts) and its one-line reason. */
export interface Message {
  id: string;
  severity: Severity;
  text: string;
  /** 1-based line in the original file, when the message is about one place. */
  line?: number;
}

/** A replacement of original[start, end) (UTF-16 offsets into the decoded text) by `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'error';

/** Policy for the runtime user where the original ran as root without saying so. */
export type UserPolicy = 'nonroot' | 'root';

export interface TransformOptions {
  /** Runtime base override: a preset (`distroless`, `scratch`, `alpine`, `chainguard`, `debian`) or an image reference. */
  runtime?: string;
  /** Runtime user where the original ran as root implicitly. Default `nonroot`. */
  user?: UserPolicy;
  /** Name of the builder stage. Default `builder` (made unique when it clashes). */
  builderName?: string;
  /** Registry mirror prefix for the runtime images stageify writes (`mirror.example.com/hub`). */
  registryMirror?: string;
  /** Ids of the transforms to use (default: all). */
  transforms?: string[];
  /**
   * Opt-in build-speed features for the builder stage (`true`: all of them); the output then needs
   * BuildKit for cache mounts and cross-compilation. Off by default: nothing changes without it.
   */
  buildkit?: boolean | BuildkitOptions;
}

/** The BuildKit features one by one. */
export interface BuildkitOptions {
  /** `RUN --mount=type=cache` for the toolchain's download and build caches. */
  cacheMounts?: boolean;
  /** Copy the dependency manifests and download before copying the rest of the sources. */
  depsFirst?: boolean;
  /** Go: build on $BUILDPLATFORM for $TARGETOS/$TARGETARCH when cgo is off. */
  cross?: boolean;
}

export interface PlanOptions extends TransformOptions {
  /** Build context folder; defaults to the Dockerfile's folder. */
  context?: string;
  /** Where `context` came from, for the report (default: `flag` when `context` is given). */
  contextSource?: { source: ContextSource; detail?: string };
  /**
   * Build args the build is declared with (a compose service's or bake target's `args`): a declared
   * ARG takes this value instead of its default. null: a value stageify cannot know.
   */
  buildArgs?: Record<string, string | null>;
  /** The stage the build is declared to stop at (compose/bake `target`). */
  target?: string;
  /**
   * Images built from Dockerfiles of the same repository (or named with --onbuild-from): image
   * reference → that Dockerfile's path, or its text and path. A FROM naming one whose Dockerfile has
   * ONBUILD triggers gets them written out with that Dockerfile's own lines (see onbuild-base.ts).
   */
  onbuildBases?: Record<string, string | OnbuildBaseFile>;
}

/** A base image's Dockerfile: its text, its path (for messages) and the build args it is built with. */
export interface OnbuildBaseFile {
  path: string;
  text?: string;
  args?: Record<string, string | null>;
}

/** Where a build context came from. */
export type ContextSource = 'flag' | 'config' | 'compose' | 'bake' | 'inferred' | 'default';

/** The build context a file was planned against. */
export interface ContextInfo {
  path: string;
  source: ContextSource;
  /** The compose file and service, the bake file and target, or why it was inferred. */
  detail?: string;
}

/** What planning one Dockerfile produced. Dry run, --check, --write and reports are views of this. */
export interface FileResult {
  /** The path as the user named it (or as discovery produced it). */
  path: string;
  status: FileStatus;
  messages: Message[];
  /** Decoded original text ('' when it could not be read). */
  original: string;
  /** The proposed text (equal to `original` unless status is 'changed'). */
  output: string;
  /** How the bytes were decoded; the writer encodes the output the same way. */
  encoding: 'utf8' | 'latin1';
  edits: TextEdit[];
  /** Base image of the final stage before and after, when known. */
  baseBefore?: string;
  baseAfter?: string;
  /** The build context the file was planned against, and where it came from. */
  context?: ContextInfo;
  /** Modification time and size of the file as read, so a writer can detect a change on disk. */
  stat?: { mtimeMs: number; size: number; mode: number };
}
