# The gateway (WebSocket/HTTP front door) as an Orleans client of the silos.
# Build from the repository root:  docker build -f deploy/docker/gateway.Dockerfile -t speechcluster-gateway .
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
# Restore from the project files alone first: a code change then reuses the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Engines/SpeechCluster.Engines.csproj src/Engines/
COPY src/Grains.Interfaces/SpeechCluster.Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/SpeechCluster.Grains.csproj src/Grains/
COPY src/Gateway/SpeechCluster.Gateway.csproj src/Gateway/
RUN dotnet restore src/Gateway/SpeechCluster.Gateway.csproj
COPY src/ src/
RUN dotnet publish src/Gateway/SpeechCluster.Gateway.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
WORKDIR /app
COPY --from=build /app ./
# The gateway listens on 127.0.0.1 unless URLs are configured; in a pod it must listen on all addresses.
# Client mode: this image has none of the engines' Debian packages, so it cannot host a silo itself.
ENV ASPNETCORE_URLS=http://+:8080 \
    SpeechCluster__Cluster__Mode=Client
EXPOSE 8080
# The non-root user that the .NET images define.
USER $APP_UID
ENTRYPOINT ["dotnet", "SpeechCluster.Gateway.dll"]
