FROM mcr.microsoft.com/dotnet/sdk:6.0 AS builder
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app
RUN mkdir -p /.stageify-empty

FROM mcr.microsoft.com/dotnet/runtime:6.0
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app /app
USER 65532:65532
ENTRYPOINT dotnet Report.dll --out /tmp/report.txt
