// Messages of the Ruby transform (ids `ruby/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const RUBY_MESSAGES = {
  'ruby/bundle-copied': ['info', 'installed gems and bundler settings copied to the runtime: {dirs} (GEM_HOME and BUNDLE_APP_CONFIG of the official images; bundler finds them as in the builder)'],
  'ruby/global-config': ['info', 'bundler settings written to the build user\'s global config ({settings}) are set in the runtime as {vars}, so every user reads them'],
  'ruby/bundle-without': ['info', '{name}=production: development and test gems are not installed (BUNDLE_WITHOUT=development:test set before line {line} and in the runtime)'],
  'ruby/all-groups-kept': ['info', 'RAILS_ENV/RACK_ENV is not production in the Dockerfile: development and test gems are kept, as the app may load them'],
  'ruby/groups-as-written': ['info', 'gem groups left out as the Dockerfile says ({without})'],
  'ruby/native-gems': ['info', 'Gemfile.lock has gems with native extensions ({gems}): the runtime has the same {libc} and Ruby version as the builder'],
  'ruby/packages-repeated': ['info', 'system packages installed on line {line} are installed again in the runtime, which may run them or load their libraries: {packages}'],
  'ruby/build-tools-dropped': ['info', 'build tools left in the builder: {packages}'],
  'ruby/native-libs': ['info', 'native gems link libraries the full image has and slim lacks ({why}); the runtime installs {packages} (with apt, as the build already fetched gems over the network)'],
  'ruby/entry-point': ['info', '{programs} started by name: executables of installed gems, found on PATH ({dirs})'],
  'ruby/files-left': ['info', 'left in the builder, not read by the running program: {files}'],
  'ruby/serves-folder': ['info', '{program} serves every file of its folder: {dirs} copied to the runtime whole (README and build files too), as any of them may be requested'],
  'ruby/reads-folder': ['info', 'the program lists or reads folders stageify cannot bound ({where}): {dirs} copied to the runtime whole (README and build files too), so no file it may read stays behind'],
  'ruby/files-named': ['info', '{files} kept in the runtime: named in {where}, which the running program may read'],
  'ruby/app-dir-written': ['info', '{dirs} copied whole (tests and build files too): a RUN after the copy may write files the program needs into it (assets, vendor/bundle)'],
  'ruby/app-chown': ['info', 'the runtime runs as 65532: {dirs} copied owned by 65532 so the program can still write there (tmp/, log/), as it could as root'],
  'ruby/variant-unknown': ['warning', 'no slim runtime image is known for {image}; left alone'],
  'ruby/slim-builder': ['info', '{image} is already the slim variant and the build installs no build tools: a runtime stage would be the same image; left alone'],
  'ruby/package-managers-mixed': ['warning', 'line {line}: the system package manager does not match the image (apt on alpine, apk on Debian, or both); left alone'],
  'ruby/heredoc-install': ['warning', 'line {line} installs gems in a heredoc stageify cannot follow; left alone'],
  'ruby/installer-unknown': ['warning', 'line {line}: {tool}; stageify cannot tell where the gems go; left alone'],
  'ruby/entrypoint-unknown': ['warning', 'line {line} starts {program}, which stageify cannot place in the runtime (not ruby, an app file or a gem executable); left alone'],
  'ruby/runtime-preset': ['warning', '--runtime {preset} has no Ruby matching the builder; left alone — pass an image reference such as {image}'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof RUBY_MESSAGES, true> {}
}
