FROM microsoft/dotnet:1.0.0-preview2-onbuild
EXPOSE 5000
