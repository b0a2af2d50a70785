use std::env;
use std::fs;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    println!("argc={}", args.len());
    for (i, a) in args.iter().enumerate() {
        println!("arg[{}]={:?}", i, a);
    }
    println!("cwd={}", env::current_dir().unwrap().display());
    // Rust binaries unwind through libgcc_s: a panic caught here needs it at run time.
    let caught = std::panic::catch_unwind(|| panic!("boom")).is_err();
    println!("panic caught: {}", caught);
    let maps = fs::read_to_string("/proc/self/maps").unwrap_or_default();
    println!("libgcc_s loaded: {}", maps.contains("libgcc_s"));
}
