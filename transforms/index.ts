// The registry: every transform stageify knows, tried in order.
import { goTransform } from './go';
import type { Transform } from './types';

export const TRANSFORMS: ReadonlyArray<Transform<any>> = [goTransform];

export type { Transform, TransformInput, TransformOutcome } from './types';
