FROM rust:1.78-alpine3.19 AS builder
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release

FROM gcr.io/distroless/static-debian12:nonroot
WORKDIR /src
COPY --from=builder /src/target/release/app /src/target/release/app
ENTRYPOINT ["/src/target/release/app"]
CMD ["--help"]
