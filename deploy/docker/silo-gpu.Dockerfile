# A silo for GPU nodes: CUDA 13 with cuDNN, and the CUDA build of ONNX Runtime
# (Microsoft.ML.OnnxRuntime.Gpu.Linux + .Managed 1.31.0 instead of the CPU package; see
# src/Engines/SpeechCluster.Engines.csproj, OnnxRuntimeFlavor). It runs the ONNX engines only
# (today: Silero VAD), so it carries none of the CPU engines' Debian packages.
# Build from the repository root:  docker build -f deploy/docker/silo-gpu.Dockerfile -t speechcluster-silo-gpu .
ARG DOTNET_VERSION=10.0
ARG CUDA_IMAGE=nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Engines/SpeechCluster.Engines.csproj src/Engines/
COPY src/Grains.Interfaces/SpeechCluster.Grains.Interfaces.csproj src/Grains.Interfaces/
COPY src/Grains/SpeechCluster.Grains.csproj src/Grains/
COPY src/Silo/SpeechCluster.Silo.csproj src/Silo/
# The property must be the same at restore and publish: it chooses the packages.
RUN dotnet restore src/Silo/SpeechCluster.Silo.csproj -r linux-x64 -p:OnnxRuntimeFlavor=Gpu
COPY src/ src/
# Self-contained: this is how the .NET runtime gets onto the CUDA base image (no runtime package to install).
RUN dotnet publish src/Silo/SpeechCluster.Silo.csproj -c Release -r linux-x64 --self-contained --no-restore \
      -p:OnnxRuntimeFlavor=Gpu -o /app

FROM node:22-bookworm-slim AS models
WORKDIR /repo
COPY scripts/setup.sh scripts/
COPY models/ models/
RUN bash -c 'source scripts/setup.sh && fetch_silero'

FROM ${CUDA_IMAGE}
# What the .NET runtime loads (Ubuntu 24.04 names), and libespeak-ng1: Piper voices phonemize with
# espeak-ng (GPL-3, loaded at run time).
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends ca-certificates libicu74 libssl3t64 tzdata libespeak-ng1 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin speechcluster
WORKDIR /app
COPY --from=build /app ./
COPY --from=models /repo/models ./models
ENV SpeechCluster__Engines__ModelsDirectory=/app/models \
    SpeechCluster__Silo__Engines=vad \
    SpeechCluster__Silo__Gpu=true
EXPOSE 11111 30000
USER 10001
ENTRYPOINT ["/app/SpeechCluster.Silo"]
