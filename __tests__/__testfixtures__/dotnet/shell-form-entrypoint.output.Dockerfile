FROM mcr.microsoft.com/dotnet/sdk:6.0 AS builder
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app

FROM mcr.microsoft.com/dotnet/runtime:6.0
WORKDIR /app
COPY --from=builder /app /app
USER 65532:65532
ENTRYPOINT dotnet Report.dll --out /tmp/report.txt
