//! A small RFC 4180 reader: fields separated by a delimiter, quoted fields with `""` escapes and
//! line breaks inside quotes, CRLF or LF record ends, an optional UTF-8 byte-order mark.
//!
//! Hand-written rather than the `csv` crate: remittance files are small (thousands of rows), the
//! grammar is a page long, and the crate would add its own reader, `csv-core` and `memchr` to a
//! bundle that ships into script editors. Problems are reported per record with its line number,
//! never skipped silently.

/// One record and the 1-based line of the file on which it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line the record starts on (1-based).
    pub line: usize,
    /// The record's fields.
    pub fields: Vec<String>,
}

/// A record the reader could not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    /// The line of the problem (1-based).
    pub line: usize,
    /// 1-based field number in the record.
    pub field: usize,
    /// What is wrong, in words.
    pub message: String,
}

/// Reads every record. Empty lines are not records. A record with a problem is returned in
/// `problems` and not in the records.
pub fn read(text: &str, delimiter: char) -> (Vec<Record>, Vec<RecordProblem>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1usize;

    while chars.peek().is_some() {
        let start_line = line;
        let mut fields: Vec<String> = Vec::new();
        let mut field = String::new();
        let mut problem: Option<RecordProblem> = None;
        let mut quoted = false; // inside a quoted field
        let mut was_quoted = false; // the current field started with a quote
        let mut after_closing_quote = false;
        loop {
            let Some(c) = chars.next() else {
                if quoted && problem.is_none() {
                    problem = Some(RecordProblem {
                        line: start_line,
                        field: fields.len().saturating_add(1),
                        message: "a quoted field is never closed".to_string(),
                    });
                }
                fields.push(std::mem::take(&mut field));
                break;
            };
            if quoted {
                match c {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => {
                        quoted = false;
                        after_closing_quote = true;
                    }
                    '\n' => {
                        line = line.saturating_add(1);
                        field.push('\n');
                    }
                    '\r' if chars.peek() == Some(&'\n') => {
                        // A CRLF inside quotes is one line break of the value.
                        chars.next();
                        line = line.saturating_add(1);
                        field.push('\n');
                    }
                    other => field.push(other),
                }
                continue;
            }
            if c == delimiter {
                fields.push(std::mem::take(&mut field));
                was_quoted = false;
                after_closing_quote = false;
                continue;
            }
            match c {
                '\n' => {
                    line = line.saturating_add(1);
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                '\r' => {
                    if chars.peek() == Some(&'\n') {
                        chars.next();
                    }
                    line = line.saturating_add(1);
                    fields.push(std::mem::take(&mut field));
                    break;
                }
                '"' if field.is_empty() && !was_quoted => {
                    quoted = true;
                    was_quoted = true;
                }
                other => {
                    if (after_closing_quote || other == '"') && problem.is_none() {
                        problem = Some(RecordProblem {
                            line: start_line,
                            field: fields.len().saturating_add(1),
                            message: if after_closing_quote {
                                "text after the closing quote of a quoted field".to_string()
                            } else {
                                "a quote inside an unquoted field (quote the field and double the quote)"
                                    .to_string()
                            },
                        });
                    }
                    field.push(other);
                }
            }
        }
        let blank =
            fields.len() == 1 && fields.first().is_some_and(|f| f.is_empty()) && !was_quoted;
        match problem {
            Some(problem) => problems.push(problem),
            None if blank => {}
            None => records.push(Record {
                line: start_line,
                fields,
            }),
        }
    }
    (records, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(text: &str) -> Vec<Vec<String>> {
        let (records, problems) = read(text, ',');
        assert!(problems.is_empty(), "{problems:?}");
        records.into_iter().map(|r| r.fields).collect()
    }

    #[test]
    fn quotes_escaped_quotes_delimiters_and_line_breaks_inside_quotes() {
        let text = "a,\"b,1\",\"say \"\"hi\"\"\"\r\n\"multi\r\nline\",,x\r\n";
        assert_eq!(
            fields(text),
            vec![vec!["a", "b,1", "say \"hi\""], vec!["multi\nline", "", "x"],]
        );
    }

    #[test]
    fn lf_crlf_bom_blank_lines_and_a_missing_final_newline() {
        let text = "\u{feff}h1,h2\n\n1,2\r\n3,4";
        let (records, _) = read(text, ',');
        assert_eq!(records.len(), 3);
        assert_eq!(records[0].fields, vec!["h1", "h2"]);
        assert_eq!((records[1].line, records[2].line), (3, 4));
    }

    #[test]
    fn line_numbers_count_breaks_inside_quotes() {
        let (records, _) = read("h\n\"a\nb\"\nc\n", ',');
        assert_eq!(records[1].line, 2);
        assert_eq!(records[2].line, 4);
    }

    #[test]
    fn problems_name_the_line_and_field() {
        let (records, problems) = read("h1,h2\nok,\"fine\"\nbad,\"x\"y\nstray\"q,1\n\"open", ',');
        assert_eq!(records.len(), 2);
        let found: Vec<(usize, usize)> = problems.iter().map(|p| (p.line, p.field)).collect();
        assert_eq!(found, vec![(3, 2), (4, 1), (5, 1)]);
    }

    #[test]
    fn other_delimiters() {
        let (records, _) = read("a;b\n1,5;2", ';');
        assert_eq!(records[1].fields, vec!["1,5", "2"]);
    }
}
