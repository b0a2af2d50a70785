FROM rust:1-bookworm
WORKDIR /app
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release --bin server
VOLUME /app/uploads
EXPOSE 8080
CMD /app/target/release/server --registry $CARGO_HOME/registry
