FROM rust:1.75-bookworm
WORKDIR /srv/app
COPY . .
RUN cargo install --path . --root /opt/app
USER nobody
CMD ["/opt/app/bin/site"]
