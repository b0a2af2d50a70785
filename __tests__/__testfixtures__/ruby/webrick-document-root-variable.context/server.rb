require "webrick"

root = ENV.fetch("ROOT", Dir.pwd)
server = WEBrick::HTTPServer.new(Port: 8080, DocumentRoot: root)
trap("TERM") { server.shutdown }
server.start
