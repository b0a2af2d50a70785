FROM mcr.microsoft.com/dotnet/sdk:8.0 AS builder
WORKDIR /src
COPY src/MyApi/ ./MyApi/
RUN dotnet publish MyApi/MyApi.csproj -c Release -o /app/publish
WORKDIR /app/publish
USER app

FROM mcr.microsoft.com/dotnet/aspnet:8.0
WORKDIR /app/publish
COPY --from=builder /app/publish /app/publish
USER app
ENTRYPOINT ["dotnet", "Acme.Api.dll"]
