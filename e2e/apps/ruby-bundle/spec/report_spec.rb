require_relative "../lib/report"
