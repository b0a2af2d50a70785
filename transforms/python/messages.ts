// Messages of the Python transform (ids `python/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const PYTHON_MESSAGES = {
  'python/venv-inserted': ['info', 'pip installed into the system site-packages: a virtualenv {dir} is created before line {line}, its bin/ put on PATH in both stages, and copied to the runtime (console scripts such as gunicorn stay on PATH)'],
  'python/user-base': ['info', 'Python 2 has no venv module: pip installs go to PYTHONUSERBASE={dir} (PIP_USER=1, set before line {line}), copied to the runtime with PYTHONUSERBASE and PATH set'],
  'python/venv-copied': ['info', 'the virtualenv {dir} created on line {line} is copied to the runtime'],
  'python/target-copied': ['info', 'pip installs into {dir} on line {line}; the folder is copied to the runtime'],
  'python/packages-repeated': ['info', 'system packages installed on line {line} are installed again in the runtime, which may run them or load their libraries: {packages}'],
  'python/build-tools-dropped': ['info', 'build tools left in the builder: {packages}'],
  'python/native-libs': ['info', 'compiled packages need libraries the full image has and slim lacks ({why}); the runtime installs {packages}'],
  'python/entry-point': ['info', '{programs} started by name: scripts installed by pip, found on PATH ({dirs})'],
  'python/files-left': ['info', 'left in the builder, not read by the running program: {files}'],
  'python/serves-folder': ['info', '{program} serves every file of its folder: {dirs} copied to the runtime whole (README and build files too), as any of them may be requested'],
  'python/reads-folder': ['info', 'the program lists or reads folders stageify cannot bound ({where}): {dirs} copied to the runtime whole (README and build files too), so no file it may read stays behind'],
  'python/files-named': ['info', '{files} kept in the runtime: named in {where}, which the running program may read'],
  'python/app-dir-written': ['info', '{dirs} copied whole (tests and build files too): a RUN after the copy may write files the program needs into it'],
  'python/app-chown': ['info', 'the runtime runs as 65532: {dirs} copied owned by 65532 so the program can still write there, as it could as root'],
  'python/variant-unknown': ['warning', 'no slim runtime image is known for {image}; left alone'],
  'python/slim-builder': ['info', '{image} is already the slim variant and the build installs no build tools: a runtime stage would be the same image; left alone'],
  'python/package-managers-mixed': ['warning', 'line {line}: the system package manager does not match the image (apt on alpine, apk on Debian, or both); left alone'],
  'python/heredoc-install': ['warning', 'line {line} installs packages in a heredoc stageify cannot follow; left alone'],
  'python/installer-unknown': ['warning', 'line {line} installs with {tool}: stageify cannot tell where it puts packages; left alone — install with pip (into a virtualenv) to let stageify split the build'],
  'python/pip-user': ['warning', 'pip install --user on line {line} installs under the build user\'s home; left alone — install into a virtualenv (python -m venv /opt/venv) instead'],
  'python/entrypoint-unknown': ['warning', 'line {line} starts {program}, which stageify cannot place in the runtime (not the interpreter, an app file or an installed script); left alone'],
  'python/runtime-preset': ['warning', '--runtime {preset} has no Python interpreter matching the builder; left alone — pass an image reference such as {image}'],
  'python/onbuild-version-unknown': ['warning', '{reason}; left alone'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof PYTHON_MESSAGES, true> {}
}
