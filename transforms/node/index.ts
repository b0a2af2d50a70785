// The Node transform: `node:*` (and `iojs:*`) stages, `*-onbuild` tags first written out, become a
// builder that keeps the user's install and build steps and a runtime on the same version's slim
// image (or distroless nodejs) with production node_modules and the app or its built output.
import { NODE_MESSAGES } from './messages';
import { isOfficialImage } from '../../src/image-ref';
import type { Transform } from '../types';
import { withFirstPass } from '../types';
import { gatherNodeFacts } from './facts';
import type { NodeFacts } from './facts';
import type { Family } from './image-tags';
import { expandNodeOnbuild } from './onbuild';
import { planSplit } from './plan';

export const nodeTransform: Transform<NodeFacts> = {
  id: 'node',
  messages: NODE_MESSAGES,
  matches: (ref) => isOfficialImage(ref, 'node') || isOfficialImage(ref, 'iojs'),
  gather: (ctx, input) => gatherNodeFacts(ctx, input.hasContext),
  readsAhead: { names: ['package.json'] },
  plan(input, facts) {
    const family: Family = isOfficialImage(input.base, 'iojs') ? 'iojs' : 'node';
    return withFirstPass(expandNodeOnbuild(input, family), () => planSplit(input, facts, family));
  },
};
