fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let input = vendor_central_connector::reconcile::parse_reconcile_input(&text).unwrap();
    match vendor_central_connector::reconcile::reconcile(input) {
        Ok(out) => println!("{}", serde_json::to_string_pretty(&out).unwrap()),
        Err(e) => println!("ERR {e:?}"),
    }
}
