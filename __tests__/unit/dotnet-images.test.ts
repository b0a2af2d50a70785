import { parseImageRef } from '../../src/image-ref';
import { parseProject, versionOfTfm } from '../../transforms/dotnet/facts';
import { runtimeImage, sdkImageOf } from '../../transforms/dotnet/images';
import { parseDotnetArgs } from '../../transforms/dotnet/replay';

const sdk = (s: string) => sdkImageOf(parseImageRef(s));

describe('sdk images', () => {
  test('current, core and legacy names', () => {
    expect(sdk('mcr.microsoft.com/dotnet/sdk:8.0')).toEqual({ family: 'mcr', version: '8.0', sdkPatch: false, suffix: '' });
    expect(sdk('mcr.microsoft.com/dotnet/sdk:8.0.204-bookworm-slim')).toEqual({ family: 'mcr', version: '8.0', sdkPatch: true, suffix: '-bookworm-slim' });
    expect(sdk('mcr.microsoft.com/dotnet/core/sdk:3.1-alpine')?.family).toBe('mcr-core');
    expect(sdk('microsoft/dotnet:2.1-sdk')).toEqual({ family: 'hub-dotnet', version: '2.1', sdkPatch: false, suffix: '' });
    expect(sdk('microsoft/dotnet:2.2-sdk-alpine')?.suffix).toBe('-alpine');
    expect(sdk('microsoft/aspnetcore-build:2.0')?.family).toBe('hub-aspnetcore-build');
  });
  test('not sdk images', () => {
    expect(sdk('mcr.microsoft.com/dotnet/aspnet:8.0')).toBeNull();
    expect(sdk('microsoft/dotnet:2.1-runtime')).toBeNull();
    expect(sdk('microsoft/dotnet:1.0.0-preview2-onbuild')).toBeNull();
    expect(sdk('dotnet/sdk:8.0')).toBeNull();
  });
});

describe('runtime images', () => {
  test('same version and distro, aspnet for web', () => {
    expect(runtimeImage(sdk('mcr.microsoft.com/dotnet/sdk:8.0-alpine')!, '8.0', true)).toBe('mcr.microsoft.com/dotnet/aspnet:8.0-alpine');
    expect(runtimeImage(sdk('mcr.microsoft.com/dotnet/sdk:8.0')!, '6.0', false)).toBe('mcr.microsoft.com/dotnet/runtime:6.0');
    expect(runtimeImage(sdk('mcr.microsoft.com/dotnet/sdk:8.0')!, '3.1', true)).toBe('mcr.microsoft.com/dotnet/core/aspnet:3.1');
  });
  test('legacy Docker Hub names of that era', () => {
    expect(runtimeImage(sdk('microsoft/dotnet:2.1-sdk')!, '2.1', true)).toBe('microsoft/dotnet:2.1-aspnetcore-runtime');
    expect(runtimeImage(sdk('microsoft/dotnet:2.1-sdk')!, '2.1', false)).toBe('microsoft/dotnet:2.1-runtime');
    expect(runtimeImage(sdk('microsoft/dotnet:2.0-sdk')!, '2.0', true)).toBe('microsoft/aspnetcore:2.0');
    expect(runtimeImage(sdk('microsoft/dotnet:2.2-sdk-alpine')!, '2.2', true)).toBe('microsoft/dotnet:2.2-aspnetcore-runtime-alpine');
  });
});

describe('projects', () => {
  test('web SDK, AssemblyName, target frameworks', () => {
    const p = parseProject('<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup><TargetFramework>net8.0</TargetFramework><AssemblyName>Acme.Api</AssemblyName></PropertyGroup></Project>', 'src/Api/Api.csproj', false);
    expect(p).toMatchObject({ dir: 'src/Api', web: true, assembly: 'Acme.Api', tfms: ['net8.0'], selfContained: null });
  });
  test('console project named after its file; framework reference makes it web', () => {
    expect(parseProject('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFrameworks>net6.0;net8.0</TargetFrameworks></PropertyGroup></Project>', 'Tool.fsproj', false))
      .toMatchObject({ web: false, assembly: 'Tool', tfms: ['net6.0', 'net8.0'] });
    expect(parseProject('<Project Sdk="Microsoft.NET.Sdk"><ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup></Project>', 'W.csproj', false).web).toBe(true);
  });
  test('self-contained settings', () => {
    expect(parseProject('<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><PublishAot>true</PublishAot></PropertyGroup></Project>', 'A.csproj', false).selfContained).toBe('PublishAot=true');
  });
  test('versions of target frameworks', () => {
    expect(versionOfTfm('net8.0')).toBe('8.0');
    expect(versionOfTfm('netcoreapp3.1')).toBe('3.1');
    expect(versionOfTfm('net8.0-windows')).toBe('8.0');
    expect(versionOfTfm('net48')).toBeNull();
    expect(versionOfTfm('netstandard2.0')).toBeNull();
  });
});

describe('dotnet command line', () => {
  test('publish: project, short flags, properties', () => {
    const a = parseDotnetArgs(['publish', 'src/Api/Api.csproj', '-c', 'Release', '-o', '/app', '/p:UseAppHost=false', '--no-restore'])!;
    expect(a.target).toBe('src/Api/Api.csproj');
    expect(a.flags.get('--configuration')).toBe('Release');
    expect(a.flags.get('--output')).toBe('/app');
    expect(a.props.get('useapphost')).toBe('false');
  });
  test('--self-contained with a value', () => {
    expect(parseDotnetArgs(['publish', '-r', 'linux-x64', '--self-contained', 'false'])!.flags.get('--self-contained')).toBe('false');
  });
  test('run: its own options, the rest goes to the app', () => {
    const a = parseDotnetArgs(['run', '--project', 'src/Web', '--urls', 'http://+:5000', '--', '--verbose'])!;
    expect(a.flags.get('--project')).toBe('src/Web');
    expect(a.programArgs).toEqual(['--urls', 'http://+:5000', '--verbose']);
  });
});
