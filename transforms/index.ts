// The registry: every transform stageify knows, tried in order.
import { goTransform } from './go';
import { nodeTransform } from './node';
import { pythonTransform } from './python';
import { javaTransform } from './java';
import { rustTransform } from './rust';
import { dotnetTransform } from './dotnet';
import { rubyTransform } from './ruby';

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

export type { Transform, TransformInput, TransformOutcome } from './types';
