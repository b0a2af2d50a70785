FROM mcr.microsoft.com/dotnet/sdk:8.0.204-bookworm-slim
WORKDIR /src
COPY . .
RUN dotnet publish
ENTRYPOINT ["dotnet", "bin/Release/net8.0/publish/Jobs.dll"]
