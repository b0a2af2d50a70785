FROM mcr.microsoft.com/dotnet/sdk:7.0 AS builder
WORKDIR /source

# restore as a separate layer
COPY *.csproj ./
RUN dotnet restore

COPY . ./
RUN dotnet publish -c Release -o out --no-restore

ENV DOTNET_CLI_TELEMETRY_OPTOUT=1
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/runtime:7.0
COPY --from=builder --chown=65532:65532 /.stageify-empty /source
WORKDIR /source
COPY --from=builder --chown=65532:65532 /source/out /source/out
USER 65532:65532
ENTRYPOINT ["dotnet", "out/Worker.dll"]
