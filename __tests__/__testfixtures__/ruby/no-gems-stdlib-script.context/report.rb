#!/usr/bin/env ruby
puts 1
