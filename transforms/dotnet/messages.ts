// Messages of the Dotnet transform (ids `dotnet/…`); the transform brings this table to the registry.
import type { Severity } from '../../src/types';

export const DOTNET_MESSAGES = {
  'dotnet/app': ['info', 'the application is {dir}, written by line {line}'],
  'dotnet/web': ['info', '{what}: runtime image {kind}'],
  'dotnet/web-unknown': ['info', 'cannot tell from the build context whether {app} is an ASP.NET Core app; the aspnet image runs both kinds'],
  'dotnet/version-from-tfm': ['info', 'the project targets {tfm}: runtime {version}, not the SDK tag\'s {sdk} (a major version does not roll forward by default)'],
  'dotnet/sdk-patch': ['info', 'the tag {tag} names an SDK release; runtime images are tagged by runtime version, so {version} is used'],
  'dotnet/app-uid': ['info', 'the original ran as root without saying so; the runtime runs as the image\'s non-root user (USER $APP_UID = 1654; use --user root to keep root)'],
  'dotnet/root-kept': ['warning', 'the original ran as root; ASP.NET Core images before .NET 8 listen on port 80, which a non-root user may not bind, so root is kept — set ASPNETCORE_URLS to a port above 1023, or pass --user nonroot'],
  'dotnet/run-compiled': ['info', '`dotnet run` at start-up becomes `dotnet publish` to {dir} in the builder; the runtime starts `dotnet {dll}` there ({config} configuration)'],
  'dotnet/launch-settings': ['warning', '`dotnet run` on line {line} applies {file} (environment, URLs), which a published app does not read; left alone — add --no-launch-profile or move those settings to ENV'],
  'dotnet/run-unknown': ['warning', '`dotnet run` on line {line}: cannot tell which project it runs ({reason}); left alone'],
  'dotnet/self-contained': ['warning', 'the app is published self-contained ({reason}); stageify rewrites framework-dependent apps only; left alone — a runtime-deps image would fit it'],
  'dotnet/entrypoint-unknown': ['warning', 'cannot tell what {program} is (not an application a dotnet publish/build wrote); left alone — publish with `dotnet publish -o DIR` and start `dotnet DIR/App.dll`'],
  'dotnet/no-entrypoint': ['warning', 'no CMD or ENTRYPOINT starts an application built here; left alone'],
  'dotnet/output-unknown': ['warning', '{command} on line {line}: cannot tell where it writes the application ({reason}); left alone'],
  'dotnet/windows': ['info', 'Windows container image ({image}): left alone'],
  'dotnet/not-core': ['warning', 'the project targets {tfm}, which no .NET runtime image runs; left alone'],
  'dotnet/runtime-preset': ['warning', 'there is no {preset} runtime image for .NET; left alone — pass --runtime alpine, --runtime debian, or an image reference'],
} as const satisfies Record<string, readonly [Severity, string]>;

declare module '../../src/messages' {
  interface TransformMessageIds extends Record<keyof typeof DOTNET_MESSAGES, true> {}
}
