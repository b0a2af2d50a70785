FROM ruby:2.7
COPY report.rb /usr/local/bin/report
RUN chmod +x /usr/local/bin/report
CMD ["report"]
