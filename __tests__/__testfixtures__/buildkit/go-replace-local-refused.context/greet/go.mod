module example.com/greet
