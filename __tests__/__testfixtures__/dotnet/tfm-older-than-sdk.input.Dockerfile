FROM mcr.microsoft.com/dotnet/sdk:8.0
ENV ASPNETCORE_URLS=http://+:5000
WORKDIR /src
COPY . .
RUN dotnet publish -c Release -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "Old.dll"]
