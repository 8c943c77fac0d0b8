//! The hidden 元 values of the changji and manas examples reproduce every figure their
//! published documents print (but the published mistakes): `scripts/hidden_yuan.py` checks
//! the example files against the constraints it states.

use crate::common::python;

use std::process::Command;

#[test]
fn example_yuan_values_reproduce_the_published_figures() {
    let out = Command::new(python::python())
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scripts/hidden_yuan.py"
        ))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("python3 (3.11 or newer) runs the checker");
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}
