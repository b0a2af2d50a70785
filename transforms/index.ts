// The registry: every transform stageify knows, tried in order.
import { goTransform } from './go';
import { nodeTransform } from './node';
import { pythonTransform } from './python';
import { javaTransform } from './java';
import { rustTransform } from './rust';
import { dotnetTransform } from './dotnet';
import { rubyTransform } from './ruby';

import { registerMessages } from '../src/messages';
import { BUILDKIT_MESSAGES } from './shared/buildkit/messages';
import type { Transform } from './types';

export const TRANSFORMS: ReadonlyArray<Transform<any>> = [
  goTransform,
  nodeTransform,
  pythonTransform,
  javaTransform,
  rustTransform,
  dotnetTransform,
  rubyTransform,
];

// Each transform brings its own message table.
for (const t of TRANSFORMS) if (t.messages) registerMessages(t.messages);
registerMessages(BUILDKIT_MESSAGES);

// Facts about runtime images the engine and the reports use.
export { approxSizeMb, isMinimalBase } from './shared/runtime-bases';

// The opt-in BuildKit pass the engine runs on a transform's rewrite.
export { applyBuildkit, buildkitFeatures } from './shared/buildkit';

export type { Transform, TransformInput, TransformOutcome } from './types';
