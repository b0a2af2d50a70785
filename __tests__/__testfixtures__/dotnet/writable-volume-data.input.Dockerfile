FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /src
COPY . .
RUN dotnet publish Tool.csproj -c Release -o /out
WORKDIR /out
VOLUME /out/data
ENTRYPOINT ["dotnet", "Tool.dll"]
