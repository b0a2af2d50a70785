use std::env;

fn main() {
    let greeting = env::var("GREETING").unwrap_or_else(|_| "unset".to_string());
    let args: Vec<String> = env::args().skip(1).collect();
    println!("{} {:?}", greeting, args);
    let exe = env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    println!("exe={}", exe);
    println!("path has cargo bin: {}", env::var("PATH").unwrap_or_default().split(':').any(|d| d == "/usr/local/cargo/bin"));
    std::process::exit(3);
}
