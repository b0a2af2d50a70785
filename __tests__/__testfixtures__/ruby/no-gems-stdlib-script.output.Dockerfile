FROM ruby:2.7 AS builder
COPY report.rb /usr/local/bin/report
RUN chmod +x /usr/local/bin/report

FROM ruby:2.7-slim
COPY --from=builder /usr/local/bin/report /usr/local/bin/report
USER 65532:65532
CMD ["report"]
