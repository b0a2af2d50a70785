FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /src
COPY . .
RUN dotnet publish Tool.csproj -c Release -o /out
WORKDIR /out
ENTRYPOINT ["dotnet", "Tool.dll"]
CMD ["--help"]
