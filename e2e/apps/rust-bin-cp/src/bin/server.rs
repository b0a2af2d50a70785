fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("server {:?}", args);
    match std::fs::read_to_string("config/app.toml") {
        Ok(t) => print!("config: {}", t),
        Err(e) => println!("config: {}", e),
    }
}
