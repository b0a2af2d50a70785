FROM rust:1.78-alpine3.19
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY . .
RUN cargo build --release
CMD ["/src/target/release/app", \
     "--port", "8080",]
