import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// Answers that must be refused, each with the reason a person can act on.
struct TimeParserRefusalTests {
    static let refusals: [(String, TimeRefusal)] = [
        ("", .empty),
        ("   ", .empty),
        (" . ", .empty),
        ("in 2 hours", .future),
        ("in a few minutes", .future),
        ("2 hours from now", .future),
        ("tomorrow", .future),
        ("tomorrow morning", .future),
        ("next tuesday", .future),
        ("this evening", .future),
        ("tonight", .future),
        ("today at 5pm", .future),
        ("2026-11-22T10:00", .future),
        ("2026-11-21T15:00:00Z", .future),
        ("2026-12-01", .future),
        ("25:99", .impossible("25:99")),
        ("10:75", .impossible("10:75")),
        ("13pm", .impossible("13pm")),
        ("0am", .impossible("0am")),
        ("10.75", .impossible("10.75")),
        ("2026-02-30", .impossible("2026-02-30")),
        ("2026-13-01", .impossible("2026-13-01")),
        ("2026-11-21T24:10", .impossible("2026-11-21t24:10")),
        ("banana", .unrecognised("banana")),
        ("10:30 or 11:30 tomorrow", .future),
        ("not at 10:30", .unrecognised("not at 10:30")),
        ("2026", .unrecognised("2026")),
        ("asdf", .unrecognised("asdf")),
        ("10", .unrecognised("10")),
        ("20 minutes after lunch", .unknownAnchor("lunch")),
        ("99999999999999999999 days ago", .unrecognised("99999999999999999999 days ago")),
    ]

    @Test(arguments: refusals)
    func refused(input: String, expected: TimeRefusal) {
        #expect(TimeParser.parse(input, in: TimeFixtures.context()) == .failure(expected))
    }

    @Test func anchorPhraseKnownButTimeMissing() {
        let context = TimeFixtures.context(withAnchors: false)
        #expect(
            TimeParser.parse("20 minutes after it started", in: context)
                == .failure(.unknownAnchor("it started")))
        #expect(
            TimeParser.parse("since the drip started", in: context)
                == .failure(.unknownAnchor("the drip started")))
    }

    @Test(arguments: [
        TimeRefusal.empty, .future, .impossible("25:99"), .impossible("2026-02-30"), .unknownAnchor("lunch"),
        .unrecognised("banana"),
    ])
    func messagesAreOnePlainLine(refusal: TimeRefusal) throws {
        let message = refusal.message
        let first = try #require(message.first)
        #expect(!first.isUppercase)
        #expect(!message.hasSuffix("."))
        #expect(!message.contains("\n"))
    }

    @Test func specificMessages() {
        #expect(
            TimeRefusal.future.message
                == "that time is in the future; please give a time that has already passed")
        #expect(TimeRefusal.impossible("25:99").message == "25:99 is not a real clock time")
        #expect(TimeRefusal.impossible("2026-02-30").message == "2026-02-30 is not a real date")
        #expect(TimeRefusal.unrecognised("banana").message.contains("\"banana\""))
    }
}
