module example.com/greeter

go 1.19

require example.com/quote v1.2.0
