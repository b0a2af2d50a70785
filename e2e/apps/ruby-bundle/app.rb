require_relative "lib/report"

report = Report.new(ENV.fetch("APP_MODE", "none"), ARGV)
puts report.lines
puts "bundle exec: #{ENV.key?("BUNDLE_GEMFILE")}"
puts "ruby major: #{RUBY_VERSION.split(".").first}"
