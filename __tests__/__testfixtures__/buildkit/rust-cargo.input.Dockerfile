FROM rust:1.78
WORKDIR /src
COPY . .
RUN cargo build --release
CMD ["/src/target/release/app"]
