# Builds artifact-emulator from source on Debian bookworm and runs it on
# 0.0.0.0:8080 with the built-in seed.
FROM debian:bookworm AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake make pkg-config libcpp-httplib-dev nlohmann-json3-dev \
      libboost-program-options-dev catch2 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ./
COPY cmake ./cmake
COPY emulator ./emulator
COPY seeds ./seeds
COPY tests ./tests
COPY bench ./bench
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=Release -DARTIFACT_EMULATOR_BUILD_TESTS=OFF \
 && cmake --build /build --target artifact-emulator -j "$(nproc)"

FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libcpp-httplib0.11 libboost-program-options1.74.0 curl ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home emulator
COPY --from=build /build/artifact-emulator /usr/local/bin/artifact-emulator
COPY seeds /usr/share/artifact-emulator/seeds
COPY scenarios /usr/share/artifact-emulator/scenarios
USER emulator
ENV ARTIFACT_EMULATOR_HOST=0.0.0.0 \
    ARTIFACT_EMULATOR_PORT=8080
EXPOSE 8080
HEALTHCHECK --interval=5s --timeout=2s --start-period=5s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/_emulator/health || exit 1
ENTRYPOINT ["/usr/local/bin/artifact-emulator"]
