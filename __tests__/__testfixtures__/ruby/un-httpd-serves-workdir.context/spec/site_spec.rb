Dir["*"]
