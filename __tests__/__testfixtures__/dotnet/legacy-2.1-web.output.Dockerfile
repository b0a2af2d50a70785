FROM microsoft/dotnet:2.1-sdk AS builder
WORKDIR /app
COPY . ./
RUN dotnet restore
RUN dotnet publish -c Release -o out

FROM microsoft/dotnet:2.1-aspnetcore-runtime
WORKDIR /app
COPY --from=builder /app/out /app/out
EXPOSE 80
ENTRYPOINT ["dotnet", "out/Legacy.dll"]
