import AECheckLanguage
extension DiagnosticSink.Message {
    static func emptyFile() -> Self { .init(text: "the file holds no records", id: "empty-file") }
    static func invalidUTF8() -> Self {
        .init(text: "the file is not valid UTF-8 text", id: "invalid-utf8")
    }
    static func lineTooLong(_ length: Int, limit: Int) -> Self {
        .init(text: "line is \(length) bytes long; the limit is \(limit)", id: "line-too-long")
    }
    static func fileTooLarge(_ size: Int, limit: Int) -> Self {
        .init(text: "file is \(size) bytes; the limit is \(limit)", id: "file-too-large")
    }
    static func expectedField(_ line: String) -> Self {
        .init(text: "expected 'field: value', found '\(line.prefix(40))'", id: "syntax")
    }
    static func danglingContinuation() -> Self {
        .init(text: "a '+ ' continuation line must follow a field", id: "syntax")
    }
    static func unknownKind(_ kind: String, suggestion: String?) -> Self {
        .init(text: "unknown record kind '\(kind)'" + didYouMean(suggestion), id: "unknown-kind")
    }
    static func unknownField(_ field: String, kind: String, suggestion: String?) -> Self {
        .init(text: "unknown field '\(field)' in a \(kind) record" + didYouMean(suggestion), id: "unknown-field")
    }
    static func missingField(_ field: String, kind: String) -> Self {
        .init(text: "a \(kind) record needs a '\(field)' field", id: "missing-field")
    }
    static func repeatedField(_ field: String) -> Self {
        .init(text: "field '\(field)' may appear only once here", id: "repeated-field")
    }
    static func badID(_ id: String) -> Self {
        .init(text: "id '\(id)' must be kebab-case (a-z, 0-9 and '-')", id: "bad-id")
    }
    static func duplicateID(_ id: String, kind: String, first: SourceLocation) -> Self {
        .init(
            text: "duplicate \(kind) id '\(id)'; first defined at \(first.file):\(first.line)",
            id: "duplicate-id")
    }
    static func unknownReference(_ kind: String, _ name: String, suggestion: String?) -> Self {
        .init(text: "unknown \(kind) '\(name)'" + didYouMean(suggestion), id: "unknown-reference")
    }
    static func missingCitation(_ kind: String) -> Self {
        .init(text: "a \(kind) record needs at least one 'cite:'", id: "missing-citation")
    }
    static func badValue(_ field: String, _ value: String, expected: String) -> Self {
        .init(text: "'\(value)' is not a valid \(field); expected \(expected)", id: "bad-value")
    }
    static func badCondition(_ reason: String) -> Self {
        .init(text: "condition does not parse: \(reason)", id: "bad-condition")
    }
    static func badExample(_ reason: String) -> Self {
        .init(text: "example does not parse: \(reason)", id: "bad-example")
    }
    static func exampleDoesNotFire(_ rule: String) -> Self {
        .init(text: "example does not fire rule '\(rule)'", id: "example-not-firing")
    }
    static func nearMissFires(_ rule: String) -> Self {
        .init(text: "near miss fires rule '\(rule)'", id: "near-miss-firing")
    }
    static func missingExamples(_ field: String) -> Self {
        .init(text: "a rule needs at least one '\(field):'", id: "missing-example")
    }
    static func unreachableQuestion(_ id: String) -> Self {
        .init(
            text: "question '\(id)' is not reachable: no flow step names it and it is not 'use: followup'",
            id: "unreachable-question")
    }
    static func ruleNeverFires(_ id: String, because reason: String) -> Self {
        .init(text: "rule '\(id)' can never fire: \(reason)", id: "rule-never-fires")
    }
    static func unusedWordSet(_ id: String) -> Self {
        .init(text: "word set '\(id)' is used by no phrase or combination", id: "unused-word-set")
    }
    static func unreachablePhrase(_ phrase: String, shadowedBy finding: String) -> Self {
        .init(
            text: "phrase '\(phrase)' can never be matched: the same words already name finding '\(finding)'",
            id: "unreachable-phrase")
    }
    static func badCombination(_ value: String) -> Self {
        .init(
            text:
                "combination '\(value.prefix(60))' needs two parts joined by ' + ', each '{set}' or words separated by '|'",
            id: "bad-combination")
    }
    static func emptyPhraseRecord(_ id: String) -> Self {
        .init(text: "phrase record '\(id)' needs a 'say:' or a 'combine:'", id: "missing-field")
    }
    static func unaskedFinding(_ id: String) -> Self {
        .init(text: "finding '\(id)' is asked by no question and matched by no phrase", id: "unasked-finding")
    }
    static func flowCycle(_ path: [String]) -> Self {
        .init(text: "flows include each other in a cycle: \(path.joined(separator: " -> "))", id: "flow-cycle")
    }
    static func missingRecord(_ kind: String, _ id: String) -> Self {
        .init(text: "the pack needs a \(kind) record '\(id)'", id: "missing-record")
    }

    private static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
