//! Many producers, one consumer: every producer owns a clone of the Sender.

// ANCHOR: clone
use std::sync::mpsc;
use std::thread;

/// One message: document `doc`, line `line`, has `words` words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCount {
    pub doc: usize,
    pub line: usize,
    pub words: usize,
}

/// Counts the words of every line, one thread per document. Returns the
/// messages in the order they arrived.
pub fn line_counts(docs: Vec<String>) -> Vec<LineCount> {
    let (tx, rx) = mpsc::channel();
    for (doc, text) in docs.into_iter().enumerate() {
        // A new Sender for the same channel. The clone is what moves into
        // the thread; `tx` stays here, ready to be cloned again.
        let doc_tx = tx.clone();
        thread::spawn(move || {
            for (line, text) in text.lines().enumerate() {
                let words = text.split_whitespace().count();
                doc_tx
                    .send(LineCount { doc, line, words })
                    .expect("the receiver hung up");
            }
        });
    }
    drop(tx); // why this line matters: see "When the receiving loop ends"

    rx.iter().collect()
}
// ANCHOR_END: clone

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(lines: usize, words_per_line: usize) -> String {
        vec![vec!["w"; words_per_line].join(" "); lines].join("\n")
    }

    #[test]
    fn every_line_of_every_document_arrives_once() {
        let got = line_counts(vec![doc(300, 2), doc(200, 5), doc(0, 1), doc(100, 3)]);
        assert_eq!(got.len(), 600);
        for (d, (lines, words)) in [(300, 2), (200, 5), (0, 1), (100, 3)]
            .into_iter()
            .enumerate()
        {
            let of_doc: Vec<_> = got.iter().filter(|m| m.doc == d).collect();
            assert_eq!(of_doc.len(), lines, "document {d}");
            assert!(of_doc.iter().all(|m| m.words == words), "document {d}");
        }
    }

    #[test]
    fn one_senders_messages_keep_their_order() {
        let got = line_counts(vec![doc(500, 1), doc(500, 1), doc(500, 1)]);
        for d in 0..3 {
            let lines: Vec<usize> = got.iter().filter(|m| m.doc == d).map(|m| m.line).collect();
            assert_eq!(
                lines,
                (0..500).collect::<Vec<_>>(),
                "document {d} out of order"
            );
        }
    }

    #[test]
    fn no_documents_no_messages() {
        assert!(line_counts(Vec::new()).is_empty());
    }
}
