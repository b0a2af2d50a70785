FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /app
COPY . .
RUN dotnet publish -c Release -o /app/publish

FROM mcr.microsoft.com/dotnet/runtime:8.0
WORKDIR /app
COPY --from=builder /app/publish /app/publish
WORKDIR /app/publish
USER $APP_UID
CMD ["dotnet", "Cli.dll", "--verbose"]
