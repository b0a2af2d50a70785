require 'socket'
puts 'serving'
