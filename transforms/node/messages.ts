// Messages of the Node transform (ids `node/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const NODE_MESSAGES = {
  // the rewrite
  'node/onbuild-node-env': ['info', 'the onbuild triggers `ARG NODE_ENV` / `ENV NODE_ENV $NODE_ENV` are kept: NODE_ENV is whatever --build-arg NODE_ENV gives (empty when not given), in both stages'],
  'node/package-manager': ['info', 'package manager {manager} ({why})'],
  'node/prune': ['info', 'dev dependencies are removed with `{command}` as the last builder step, after the build used them: it needs no network and no lockfile, and the runtime gets the pruned node_modules'],
  'node/prod-only': ['info', 'dependencies were installed without dev dependencies ({why}); node_modules copied as it is'],
  'node/dev-deps-kept': ['info', 'dev dependencies kept: {reason}'],
  'node/no-install': ['info', 'no package manager install step: node_modules (if any) is copied with the app'],
  'node/npm-start-replaced': ['info', '`{command}` on line {line} becomes `node {script}` (package.json scripts.start): npm as PID 1 does not forward SIGTERM/SIGINT to the program'],
  'node/npm-start-kept': ['info', '`{command}` on line {line} kept: scripts.start is `{start}`, not a plain `node <file>`'],
  'node/npm-env-kept': ['info', '`{command}` on line {line} kept: {files} read the npm_* variables that npm sets for scripts (npm_package_version, …)'],
  'node/distroless-cmd': ['info', '{keyword} on line {line} rewritten for distroless, whose ENTRYPOINT is node: `{command}`'],
  'node/out-dir': ['info', 'TypeScript outDir {outDir} (from {tsconfig}) holds the built program: the runtime gets it, node_modules, package.json and runtime files, not the sources or tests'],
  'node/app-dir': ['info', 'the runtime gets the app folder {dir} (sources, pruned node_modules, package.json)'],
  'node/file-deps': ['info', 'local `file:` dependencies are symlinked from node_modules: copied too ({dirs})'],
  'node/build-tools-dropped': ['info', 'build-only system packages installed on line {line} are not in the runtime: {packages}'],
  'node/chown-kept': ['info', 'the builder gives {dir} to {owner} (line {line}): the runtime copy uses --chown={owner}'],
  'node/user-node': ['info', 'the original ran as root without saying so; the runtime runs as the image\'s `node` user (uid 1000; use --user root to keep root)'],
  'node/runtime-same-image': ['info', 'the builder image {image} is already the runtime image: the rewrite drops {what}'],

  // files left alone
  'node/already-runtime': ['info', '{image} is already a Node runtime image and nothing here is build-only (no dev dependencies, build step or build tools): left alone'],
  'node/no-package-json-app': ['info', 'no package.json and nothing installed: the app is the files copied into {dir} ({files}); the runtime gets that folder and the start command as written'],
  'node/start-not-node': ['warning', '{keyword} on line {line} runs `{command}`, not `node <file>`; distroless has no npm or shell (its ENTRYPOINT is node): left alone — set scripts.start to `node <file>`, or CMD ["node", "<file>"], or use the default slim runtime'],
  'node/npm-env-needed': ['warning', '`{command}` on line {line} cannot become plain node on distroless: {files} read the npm_* variables that only npm sets; left alone — use the default slim runtime, or set those values with ENV'],
  'node/distroless-no-major': ['warning', 'distroless nodejs images exist per Node major (18, 20, 22, 24); {image} names none of them: left alone — pin a major version or use the default slim runtime'],
  'node/runtime-preset-unsupported': ['warning', '--runtime {preset} has no Node image with the same libc as {image}; left alone — use the default slim runtime, distroless, or an image reference'],
  'node/app-dir-root': ['warning', 'the app is copied to / (no WORKDIR): stageify cannot tell app files from the image\'s own; left alone — set a WORKDIR'],
  'node/no-package-json': ['warning', 'no package.json in the build context next to where the Dockerfile copies the app: left alone — stageify needs it to know the dependencies and the start script'],
  'node/system-packages': ['warning', 'line {line} installs system packages ({packages}) the program may need at run time; the runtime image would not have them: left alone'],
  'node/outside-app': ['warning', 'line {line} writes {path}, outside the app folder {dir}; the runtime stage would not have it: left alone'],
  'node/global-program': ['warning', '{program} is installed globally on line {line} and started by the container; stageify does not copy global packages: left alone — add it as a dependency and start it from node_modules/.bin'],
  'node/start-unknown': ['warning', '`{command}` runs package.json scripts.start, which is missing (and there is no server.js): left alone'],
  'node/no-cmd': ['warning', 'no CMD or ENTRYPOINT starts the program: left alone'],
  'node/unknown-onbuild-tag': ['warning', 'onbuild tag {image} is not one stageify knows the base version of: left alone'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof NODE_MESSAGES, true> {}
}
