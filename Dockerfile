# Build: a release binary with everything (templates, CSS, migrations) compiled in.
FROM rust:1-slim-bookworm AS build
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY migrations ./migrations
COPY templates ./templates
COPY static ./static
COPY locales ./locales
RUN cargo build --release --locked --bin mutual

# Run: a small image with only the binary, as an unprivileged user.
FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /data --create-home mutual
COPY --from=build /src/target/release/mutual /usr/local/bin/mutual
USER mutual
WORKDIR /data
ENV MUTUAL_BIND=0.0.0.0 MUTUAL_PORT=3000
EXPOSE 3000
ENTRYPOINT ["/usr/local/bin/mutual"]
