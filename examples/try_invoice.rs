fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let input = vendor_central_connector::input::parse_input(&text).unwrap();
    let out = vendor_central_connector::invoice::build_invoice(input).unwrap();
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
