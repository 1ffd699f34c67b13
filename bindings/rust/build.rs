//! Finds libmynumber_c: MYNUMBER_C_LIB_DIR (a build tree or install lib dir) if set, else
//! `pkg-config --libs mynumber`. No build dependencies, so it works offline.
use std::env;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=MYNUMBER_C_LIB_DIR");
    println!("cargo:rerun-if-env-changed=PKG_CONFIG_PATH");
    if let Ok(dir) = env::var("MYNUMBER_C_LIB_DIR") {
        println!("cargo:rustc-link-search=native={dir}");
        println!("cargo:rustc-link-lib=dylib=mynumber_c");
        // An uninstalled build tree: let test binaries find the library at run time.
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
        return;
    }
    let output = Command::new("pkg-config").args(["--libs", "mynumber"]).output();
    match output {
        Ok(out) if out.status.success() => {
            for flag in String::from_utf8_lossy(&out.stdout).split_whitespace() {
                if let Some(dir) = flag.strip_prefix("-L") {
                    println!("cargo:rustc-link-search=native={dir}");
                    println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
                } else if let Some(lib) = flag.strip_prefix("-l") {
                    println!("cargo:rustc-link-lib=dylib={lib}");
                }
            }
        }
        _ => panic!("libmynumber_c not found: set MYNUMBER_C_LIB_DIR or install mynumber.pc for pkg-config"),
    }
}
