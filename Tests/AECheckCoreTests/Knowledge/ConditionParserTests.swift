import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Shorthands for expected conditions.
private enum C {
    /// A bare name as the parser leaves it, present unless told otherwise.
    static func name(_ id: String, _ status: FindingStatus = .present, _ qualifiers: [Qualifier] = []) -> Condition {
        .name(id, status, qualifiers)
    }

    /// A duration written as in knowledge (`2h`).
    static func span(_ text: String) -> TimeSpan { TimeSpan(text)! }
}

@Suite("Condition parser")
struct ConditionParserTests {
    /// Parses one condition.
    private func parse(_ text: String) -> Result<Condition, ConditionParser.Failure> {
        var parser = ConditionParser(text)
        return parser.parse()
    }

    static let successes: [(String, Condition)] = [
        ("hives", C.name("hives")),
        ("hives is present", C.name("hives")),
        ("hives is absent", C.name("hives", .absent)),
        ("hives is unknown", C.name("hives", .unknown)),
        ("not hives", .not(C.name("hives"))),
        ("not not hives", .not(.not(C.name("hives")))),
        ("hives and rash", .all([C.name("hives"), C.name("rash")])),
        ("hives or rash", .any([C.name("hives"), C.name("rash")])),
        ("hives or rash and fever", .any([C.name("hives"), .all([C.name("rash"), C.name("fever")])])),
        ("(hives or rash) and fever", .all([.any([C.name("hives"), C.name("rash")]), C.name("fever")])),
        ("not hives and rash", .all([.not(C.name("hives")), C.name("rash")])),
        ("any(hives, rash)", .any([C.name("hives"), C.name("rash")])),
        ("all( hives ,rash )", .all([C.name("hives"), C.name("rash")])),
        ("any(hives, rash and fever)", .any([C.name("hives"), .all([C.name("rash"), C.name("fever")])])),
        ("at least 2 of (a, b, c)", .atLeast(2, [C.name("a"), C.name("b"), C.name("c")])),
        ("indication = crohns", .fact("indication", .equal, "crohns")),
        ("jcv-antibody != negative", .fact("jcv-antibody", .notEqual, "negative")),
        ("age < 18", .fact("age", .less, "18")),
        ("age<18", .fact("age", .less, "18")),
        ("infusion-number <= 12", .fact("infusion-number", .lessOrEqual, "12")),
        ("treatment-months > 24", .fact("treatment-months", .greater, "24")),
        ("treatment-months >= 24", .fact("treatment-months", .greaterOrEqual, "24")),
        ("since last-infusion over 4w", .since("last-infusion", over: true, C.span("4w"))),
        ("since stopped-treatment under 6mo", .since("stopped-treatment", over: false, C.span("6mo"))),
        (
            "hives onset within 2h of infusion-start",
            C.name("hives", .present, [.onsetWithin(C.span("2h"), of: "infusion-start")])
        ),
        (
            "hives onset after 2h of infusion-start",
            C.name("hives", .present, [.onsetAfter(C.span("2h"), of: "infusion-start")])
        ),
        ("hives onset during infusion", C.name("hives", .present, [.onsetDuringInfusion])),
        ("hives onset within 3d", C.name("hives", .present, [.onsetRecent(C.span("3d"))])),
        ("hives onset known", C.name("hives", .present, [.onsetKnown])),
        ("hives onset over 1d ago", C.name("hives", .present, [.onsetOver(C.span("1d"))])),
        // "lasting over" has not gone since.
        ("hives lasting over 1d", C.name("hives", .present, [.onsetOver(C.span("1d")), .trend(.gone, negated: true)])),
        ("hives trend worse", C.name("hives", .present, [.trend(.worse, negated: false)])),
        ("hives trend not better", C.name("hives", .present, [.trend(.better, negated: true)])),
        (
            "hives onset within 3d trend worse",
            C.name("hives", .present, [.onsetRecent(C.span("3d")), .trend(.worse, negated: false)])
        ),
        (
            "any(hives, rash) onset during infusion",
            .any([C.name("hives", .present, [.onsetDuringInfusion]), C.name("rash", .present, [.onsetDuringInfusion])])
        ),
        (
            "at least 2 of (a, b) onset within 30m",
            .atLeast(
                2,
                [
                    C.name("a", .present, [.onsetRecent(C.span("30m"))]),
                    C.name("b", .present, [.onsetRecent(C.span("30m"))]),
                ])
        ),
        ("none-reported", .noneReported),
        ("always", .always),
        ("pregnant and not breastfeeding", .all([C.name("pregnant"), .not(C.name("breastfeeding"))])),
    ]

    @Test("parses", arguments: successes)
    func parses(text: String, expected: Condition) {
        switch parse(text) {
        case .success(let condition): #expect(condition == expected, "\(text)")
        case .failure(let failure): Issue.record("'\(text)' failed at \(failure.offset): \(failure.message)")
        }
    }

    /// Text, a fragment of the message, and the 0-based offset the failure points at.
    static let failures: [(String, String, Int)] = [
        ("", "the condition ends too early", 0),
        ("hives and", "the condition ends too early", 9),
        ("hives or (", "the condition ends too early", 10),
        ("any(hives, rash", "expected ')', found the end", 15),
        ("any hives", "expected '(', found 'hives'", 4),
        ("(hives", "expected ')', found the end", 6),
        ("hives rash", "unexpected 'rash'", 6),
        ("hives )", "unexpected ')'", 6),
        (") hives", "unexpected ')'", 0),
        ("= 3", "unexpected '='", 0),
        ("Hives", "'Hives' is not a kebab-case name", 0),
        ("hives and fever_high", "'fever_high' is not a kebab-case name", 10),
        ("hives is maybe", "expected 'present' or 'absent' or 'unknown', found 'maybe'", 9),
        ("age <", "a value must follow '<'", 5),
        ("at least 0 of (a)", "expected a count after 'at least'", 9),
        ("at least two of (a)", "expected a count after 'at least'", 9),
        ("at most 2 of (a, b)", "expected 'least', found 'most'", 3),
        ("at least 2 (a, b)", "expected 'of', found '('", 11),
        ("since last-infusion about 4w", "expected 'over' or 'under', found 'about'", 20),
        ("since last-infusion over", "expected a duration such as 2h", 24),
        ("hives onset within 2x of infusion-start", "'2x' is not a duration", 19),
        ("hives onset within 1234567h", "'1234567h' is not a duration", 19),
        ("hives onset before 2h", "expected 'within' or 'after' or 'during' or 'over', found 'before'", 12),
        ("hives onset after 2h", "'onset after' needs 'of ANCHOR'", 20),
        ("hives onset over 1d", "expected 'ago', found the end", 19),
        ("hives onset during clinic", "expected 'infusion', found 'clinic'", 19),
        ("hives lasting 1d", "expected 'over', found '1d'", 14),
        ("hives trend sideways", "found 'sideways'", 12),
        ("always onset within 2h", "timing and trend apply to findings", 20),
        ("age > 3 onset within 2h", "timing and trend apply to findings", 21),
    ]

    @Test("reports where it fails", arguments: failures)
    func fails(text: String, message: String, offset: Int) {
        switch parse(text) {
        case .success(let condition): Issue.record("'\(text)' parsed as \(condition)")
        case .failure(let failure):
            #expect(failure.message.contains(message), "'\(text)': \(failure.message)")
            #expect(failure.offset == offset, "'\(text)': \(failure.message)")
        }
    }

    @Test("the offset becomes the column of a bad-condition diagnostic")
    func offsetBecomesColumn() throws {
        let base = KnowledgeFile(name: "base.txt", data: try Data(contentsOf: BrokenFixtures.base))
        let rule = """
            rule: bad
            level: urgent
            when:   hives and (rash or
            advice: call-team
            reason: Hives.
            nurse: Urticaria.
            cite: src sec
            example: hives
            near-miss: no hives
            """
        let result = KnowledgeLoader.load(files: [base, KnowledgeFile(name: "rule.txt", data: Data(rule.utf8))])
        let located = result.diagnostics.map { "\($0.file):\($0.line):\($0.column) \($0.id)" }
        // The value starts at column 9; "hives and (rash or" is 18 characters long.
        #expect(located == ["rule.txt:3:27 bad-condition"])
    }
}
