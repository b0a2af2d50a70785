module Formatter
  def self.banner(text)
    "== #{text.upcase} =="
  end
end
