FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app
HEALTHCHECK CMD wget -qO- http://localhost:8080/health || exit 1
ENTRYPOINT ["dotnet", "Svc.dll"]
