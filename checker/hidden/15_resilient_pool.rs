// PLACEHOLDER: hidden tests not written yet.
fn main() {
    grading::main(&[]);
}
