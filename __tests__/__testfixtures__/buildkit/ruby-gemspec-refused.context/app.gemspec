Gem::Specification.new { |s| s.name = "app" }
