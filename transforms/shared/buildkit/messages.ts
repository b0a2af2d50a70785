// Messages of the BuildKit pass (ids `buildkit/…`), registered with the transforms' tables.
// Each says whether what it did needs BuildKit: cache mounts and cross-compilation do, dependency-
// first layers do not.
import type { Severity } from '../../../src/types';

export const BUILDKIT_MESSAGES = {
  'buildkit/cache-mount': ['info', 'cache mounts on {lines} keep {caches} between builds (RUN --mount needs BuildKit: DOCKER_BUILDKIT=1 or docker buildx)'],
  'buildkit/cache-mount-refused': ['info', 'no cache mount for {caches}: {why}'],
  'buildkit/deps-first': ['info', 'dependency-first layers: {manifests} copied and `{command}` run before `COPY` of the whole context on line {line}, so a source change reuses the downloaded dependencies (works with or without BuildKit)'],
  'buildkit/deps-first-refused': ['info', 'dependency-first layers not used: {why}'],
  'buildkit/cross': ['info', 'the builder runs on $BUILDPLATFORM and `{command}` cross-compiles for $TARGETOS/$TARGETARCH, so `--platform linux/arm64` builds without emulation (FROM --platform and the automatic platform ARGs need BuildKit)'],
  'buildkit/cross-refused': ['info', 'left native (no cross-compilation): {why}'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof BUILDKIT_MESSAGES, true> {}
}
