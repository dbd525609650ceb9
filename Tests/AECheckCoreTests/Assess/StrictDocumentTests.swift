import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// `aecheck assess` reads its document strictly: what a lenient reader would silently
/// reinterpret (a repeated key, a value of the wrong type, an impossible date) is refused with
/// the path and the position, never assessed.
struct StrictDocumentTests {
    typealias S = InterviewTestSupport
    static let now = #""now":"2026-11-21T14:00:00Z""#

    static func parse(_ text: String) -> Result<Evidence, EvidenceDocument.Failure> {
        EvidenceDocument.parse(Data(text.utf8), interview: S.interview)
    }

    static func level(_ text: String) throws -> String {
        S.triage.assess(try parse(text).get()).level
    }

    /// Documents that must be refused, the field named and a word of the message.
    static let refused: [(name: String, document: String, field: String, says: String)] = [
        ("duplicate top-level key", #"{\#(now),"text":"I cannot breathe","text":"fine"}"#, "text", "duplicate"),
        (
            "duplicate context key", #"{\#(now),"context":{"pregnant":true,"pregnant":false}}"#, "context.pregnant",
            "duplicate"
        ),
        (
            "duplicate key in a finding",
            #"{\#(now),"findings":[{"id":"hives","status":"present","status":"absent"}]}"#,
            "findings[0].status", "duplicate"
        ),
        ("duplicate top-level list", #"{\#(now),"findings":[{"id":"hives"}],"findings":[]}"#, "findings", "duplicate"),
        (
            "a finding listed twice", #"{\#(now),"findings":[{"id":"hives"},{"id":"hives","status":"absent"}]}"#,
            "findings[1].id", "already listed"
        ),
        ("status false", #"{\#(now),"findings":[{"id":"hives","status":false}]}"#, "findings[0].status", "must be"),
        ("status 1", #"{\#(now),"findings":[{"id":"hives","status":1}]}"#, "findings[0].status", "must be"),
        ("status null", #"{\#(now),"findings":[{"id":"hives","status":null}]}"#, "findings[0].status", "must be"),
        ("trend null", #"{\#(now),"findings":[{"id":"hives","trend":null}]}"#, "findings[0].trend", "must be"),
        ("text null", #"{\#(now),"text":null}"#, "text", "must be a string"),
        ("yes/no fact as a number", #"{\#(now),"context":{"pregnant":1}}"#, "context.pregnant", "true or false"),
        (
            "number fact as a boolean", #"{\#(now),"context":{"infusionNumber":true}}"#, "context.infusionNumber",
            "a number"
        ),
        ("30 February", #"{"now":"2026-02-30T10:00:00Z"}"#, "now", "not a real"),
        ("offset +25:00", #"{"now":"2026-11-21T14:00:00+25:00"}"#, "now", "not a real"),
        ("year 0000", #"{"now":"0000-11-21T14:00:00Z"}"#, "now", "not a real"),
        ("year 10000", #"{"now":"10000-11-21T14:00:00Z"}"#, "now", "not a real"),
        ("hour 24", #"{"now":"2026-11-21T24:00:00Z"}"#, "now", "not a real"),
        (
            "impossible onset date", #"{\#(now),"findings":[{"id":"hives","onset":"2026-11-31T10:00:00Z"}]}"#,
            "findings[0].onset", "not a real"
        ),
        ("trailing comma in an object", #"{\#(now),}"#, "(document)", "trailing comma"),
        ("trailing comma in a list", #"{\#(now),"findings":[{"id":"hives"},]}"#, "findings", "trailing comma"),
        ("text after the document", #"{\#(now)} {}"#, "(document)", "after the document"),
        ("unescaped control character", "{\(now),\"text\":\"a\u{1}b\"}", "text", "control character"),
        ("lone surrogate", #"{\#(now),"text":"\ud800"}"#, "text", "surrogate"),
        ("leading zero", #"{\#(now),"context":{"age":015}}"#, "context.age", "not a JSON number"),
    ]

    @Test("malformed documents are refused with the path and the position", arguments: refused)
    func refusedDocuments(_ probe: (name: String, document: String, field: String, says: String)) {
        guard case .failure(let failure) = Self.parse(probe.document) else {
            Issue.record("\(probe.name): accepted")
            return
        }
        #expect(failure.field == probe.field, "\(probe.name)")
        #expect(failure.message.contains(probe.says), "\(probe.name): \(failure.message)")
        #expect(failure.line != nil && failure.column != nil, "\(probe.name): no position")
    }

    @Test("the position points at the value at fault, on its line")
    func position() {
        let document = "{\n  \(Self.now),\n  \"context\": {\"pregnant\": 1}\n}"
        guard case .failure(let failure) = Self.parse(document) else {
            Issue.record("accepted")
            return
        }
        #expect(
            failure.located(in: "doc.json")
                == "doc.json:3:27: context.pregnant: must be true or false (or \"unknown\"), not a number")
    }

    @Test("a JSON 0 or 1 in a number field is a number: a first infusion can be sent as 1")
    func numbersAreNumbers() throws {
        let evidence = try Self.parse(#"{\#(Self.now),"context":{"infusionNumber":1,"age":30}}"#).get()
        #expect(evidence.facts["infusion-number"] == .number(1))
        #expect(evidence.facts["age"] == .number(30))
    }

    @Test("an emergency stays an emergency: a repeated key cannot replace it with a calmer one")
    func duplicateCannotCalm() throws {
        let single = #"{\#(Self.now),"text":"I cannot breathe and my lips are swollen"}"#
        #expect(try Self.level(single) == "emergency")
        let doubled = #"{\#(Self.now),"text":"I cannot breathe and my lips are swollen","text":"fine"}"#
        #expect(throws: EvidenceDocument.Failure.self) { try Self.parse(doubled).get() }
    }

    @Test("a document over the size limit is refused before it is read")
    func sizeLimit() {
        let padding = String(repeating: " ", count: EvidenceDocument.sizeLimit)
        guard case .failure(let failure) = Self.parse("{\(Self.now)}" + padding) else {
            Issue.record("accepted")
            return
        }
        #expect(failure.message.contains("larger than"))
    }

    @Test("control and direction characters from the document are shown as escapes in the message")
    func visibleEscapes() {
        let document = #"{\#(Self.now),"findings":[{"id":"x\u001b[2J\u0007\u009b\u202e"}]}"#
        guard case .failure(let failure) = Self.parse(document) else {
            Issue.record("accepted")
            return
        }
        let message = failure.located(in: "<stdin>")
        #expect(!message.unicodeScalars.contains { $0.isHiddenControl })
        #expect(message.contains(#"x\u{1B}[2J\u{7}\u{9B}\u{202E}"#))
    }

    @Test("nesting deeper than the limit is refused, not a crash")
    func deepNesting() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let failure) = Self.parse(#"{\#(Self.now),"text":\#(deep)}"#) else {
            Issue.record("accepted")
            return
        }
        #expect(failure.message.contains("nested deeper"))
    }
}
