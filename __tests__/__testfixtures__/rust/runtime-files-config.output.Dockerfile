FROM rust:1.75-bookworm AS builder
WORKDIR /srv/app
COPY . .
RUN cargo install --path . --root /opt/app
USER nobody

FROM gcr.io/distroless/cc-debian12:latest
WORKDIR /srv/app
COPY --from=builder /opt/app/bin/site /opt/app/bin/site
COPY --from=builder /srv/app/config /srv/app/config
COPY --from=builder /srv/app/static /srv/app/static
USER nobody
CMD ["/opt/app/bin/site"]
