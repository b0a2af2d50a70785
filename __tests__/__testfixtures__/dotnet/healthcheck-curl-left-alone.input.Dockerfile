FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app
HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1
ENTRYPOINT ["dotnet", "Api.dll"]
