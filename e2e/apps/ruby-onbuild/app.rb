require "bundler/setup"
require_relative "lib/formatter"

message = File.read(File.join("config", "message.txt")).strip
puts Formatter.banner(message)
puts "cwd: #{Dir.pwd}"
puts "gemfile: #{File.basename(Bundler.default_gemfile)}"
puts "frozen: #{Bundler.settings[:frozen].inspect}"
