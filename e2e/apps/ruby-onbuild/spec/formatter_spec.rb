require_relative "../lib/formatter"
# (specs are not run in the image)
