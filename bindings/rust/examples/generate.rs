//! Prints `count` generated numbers for a seed, one per line (the CI diffs this against the
//! Python CLI to check that one seed gives the same numbers in every language).
//! Usage: generate <individual|corporate> <seed> <count>
fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 4 {
        eprintln!("usage: {} <individual|corporate> <seed> <count>", args[0]);
        std::process::exit(2);
    }
    let kind = match args[1].as_str() {
        "individual" => mynumber::Kind::Individual,
        "corporate" => mynumber::Kind::Corporate,
        other => {
            eprintln!("unknown kind {other}");
            std::process::exit(2);
        }
    };
    let seed: u64 = args[2].parse().expect("seed");
    let count: usize = args[3].parse().expect("count");
    for number in mynumber::generate(kind, seed, count).expect("generate") {
        println!("{number}");
    }
}
