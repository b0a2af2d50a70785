// .NET: the NuGet packages folder mounted on the dotnet commands.
import type { Refusal, Toolchain } from './toolchain';

export const dotnetToolchain: Toolchain = {
  name: '.NET',
  invokes: (argv) => argv[0] === 'dotnet',
  caches: [
    { label: 'the NuGet packages (/root/.nuget/packages)', target: '/root/.nuget/packages', store: true, movedBy: ['NUGET_PACKAGES', 'HOME'] },
  ],
  officialImage: /^mcr\.microsoft\.com\/dotnet\/(core\/)?sdk$/,
  depsFirst: (): Refusal => ({ refuse: '`dotnet restore` reads every project file a solution names, wherever it is in the sources' }),
  noCross: 'a .NET image builds on the platform it runs on (cross-compilation is for Go)',
};
