FROM rust:1-bookworm AS builder
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release --bin server
RUN mkdir -p /.stageify-empty

FROM gcr.io/distroless/cc-debian12:debug-nonroot
SHELL ["/busybox/sh", "-c"]
ENTRYPOINT []
COPY --from=builder --chown=65532:65532 /.stageify-empty /app
COPY --from=builder --chown=65532:65532 /.stageify-empty /app/uploads
ENV CARGO_HOME=/usr/local/cargo
WORKDIR /app
COPY --from=builder --chown=65532:65532 /app/target/release/server /app/target/release/server
VOLUME /app/uploads
EXPOSE 8080
CMD /app/target/release/server --registry $CARGO_HOME/registry
