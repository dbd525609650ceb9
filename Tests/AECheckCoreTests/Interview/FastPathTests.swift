import Foundation
import Testing

@testable import AECheckCore
@testable import AECheckLanguage

/// The start-up and replay shortcuts give exactly what the plain code gives.
///
/// Each shortcut (an ASCII fast path, a remembered result) is checked against the general
/// path on the real knowledge and on generated input.
struct FastPathTests {
    typealias S = InterviewTestSupport

    /// Random ASCII text with words, apostrophes, punctuation, spaces, tabs and line breaks.
    static func asciiTexts(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let pieces = [
            "a", "B", "cannot", "can't", "dogs'", "'", "''", " ", "  ", "\t", "\n", "\r\n", "\r", ",", ".", ";", ":",
            "!", "?", "(", ")", "=", "<=", "!=", ">", "-", "x1", "42", "2h", "any", "not", "onset", "of", "_", "/",
        ]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...14, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
        }
    }

    @Test("the ASCII tokenizer reads text exactly as the character tokenizer does")
    func tokenizerFastPath() {
        let phrases = S.knowledge.phrases.values.flatMap { $0 }
        for text in phrases + Self.asciiTexts(count: 3000, seed: 11) {
            let fast = Tokenizer.tokenize(ascii: text)
            let plain = Tokenizer.tokenize(characters: text)
            #expect(fast.map(\.norm) == plain.map(\.norm), "\(text.debugDescription)")
            #expect(fast.map(\.range) == plain.map(\.range), "\(text.debugDescription)")
            #expect(fast.map(\.boundaryBefore) == plain.map(\.boundaryBefore), "\(text.debugDescription)")
            #expect(fast.map(\.sentence) == plain.map(\.sentence), "\(text.debugDescription)")
        }
    }

    @Test("the ASCII condition tokenizer reads conditions exactly as the character one does")
    func conditionTokenizerFastPath() {
        let conditions = S.knowledge.rules.map(\.conditionText)
        for text in conditions + Self.asciiTexts(count: 3000, seed: 12) where !text.utf8.contains(0x0D) {
            let fast = ConditionParser.tokenize(ascii: Array(text.utf8))
            let plain = ConditionParser.tokenize(characters: text)
            #expect(fast == plain.tokens, "\(text.debugDescription)")
            #expect(text.utf8.count == plain.end, "\(text.debugDescription)")
        }
    }

    @Test("trimming, splitting and piece shortcuts agree with Foundation and the standard library")
    func trimmingAndSplitting() {
        var generator = SeededGenerator(seed: 13)
        let pieces = ["a", "b c", " ", "\t", "\u{00A0}", "\u{2003}", "é", "e\u{301}", ",", ";", "|", "\r", "x y"]
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
                pieces.randomElement(using: &generator) ?? ""
            }.joined()
            #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let spaces: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) }
            #expect(
                text.trimmingCharacters(in: .whitespacesAndNewlines, ascii: spaces)
                    == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            let marks: (UInt8) -> Bool = { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: ",") }
            #expect(
                text.trimmingCharacters(in: CharacterSet(charactersIn: "|,"), ascii: marks)
                    == text.trimmingCharacters(in: CharacterSet(charactersIn: "|,")), "\(text.debugDescription)")
            for separator: Character in [",", ";", " ", "|"] {
                let expected: [String] = text.split(separator: separator).map { String($0) }
                #expect(text.splitting(on: separator) == expected, "\(text.debugDescription)")
                for (maxSplits, omitting) in [(Int.max, true), (Int.max, false), (1, true), (1, false)] {
                    let standard = text.split(
                        separator: separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting
                    ).map { String($0) }
                    let pieces = text.pieces(separator, maxSplits: maxSplits, omittingEmptySubsequences: omitting)
                    #expect(pieces.map { String($0) } == standard, "\(text.debugDescription) \(maxSplits) \(omitting)")
                }
            }
        }
    }

    @Test("the tool's own UTC form reads as the ISO 8601 formatter reads it")
    func utcInstant() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        var generator = SeededGenerator(seed: 14)
        for _ in 0..<2000 {
            let date = Date(
                timeIntervalSince1970: Double(Int.random(in: -2_000_000_000...8_000_000_000, using: &generator)))
            let text = formatter.string(from: date)
            if let fast = UTCInstant.parse(text) { #expect(fast == formatter.date(from: text), "\(text)") }
        }
        for text in [
            "2026-11-21T14:00:00Z", "2024-02-29T23:59:59Z", "2023-02-29T10:00:00Z", "2026-13-01T00:00:00Z",
            "2026-11-21T24:00:00Z", "2026-11-21T14:00:60Z", "2026-11-21 14:00:00Z", "2026-11-21T14:00:00+01:00",
            "1899-12-31T23:59:59Z", "2026-1-21T14:00:00Z", "+026-11-21T14:00:00Z",
        ] {
            if let fast = UTCInstant.parse(text) { #expect(fast == formatter.date(from: text), "\(text)") }
        }
        #expect(UTCInstant.parse("2026-11-21T14:00:00Z") == S.now)
    }

    @Test("the embedded knowledge passes every check, rule examples included; start-up skips only those")
    func embeddedKnowledgeChecks() throws {
        let full = KnowledgeLoader.loadEmbedded()
        #expect(full.diagnostics.isEmpty, "\(full.diagnostics.map(\.description).joined(separator: "\n"))")
        let startUp = KnowledgeLoader.loadEmbedded(checkingExamples: false)
        #expect(startUp.diagnostics.isEmpty)
        #expect(startUp.knowledge?.hash == full.knowledge?.hash)
        #expect(startUp.knowledge?.rules == full.knowledge?.rules)
        // The hash worked out at build time is the one worked out now from the folder's files.
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Knowledge")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        let files = try names.map {
            KnowledgeFile(name: $0, data: try Data(contentsOf: folder.appendingPathComponent($0)))
        }
        #expect(full.knowledge?.hash == KnowledgeLoader.hash(of: files))
    }

    @Test("an interview that remembers gives the same steps as a new one, over many generated logs")
    func rememberingInterviewGivesSameSteps() {
        var generator = SeededGenerator(seed: 15)
        let texts = InterviewPathTests.texts
        let remembering = Interview(knowledge: S.knowledge)
        for _ in 0..<40 {
            var log: [LoggedAnswer] = []
            for _ in 0..<40 {
                let fresh = Interview(knowledge: S.knowledge).next(log: log, now: S.now, timeZone: S.timeZone)
                let remembered = remembering.next(log: log, now: S.now, timeZone: S.timeZone)
                #expect(fresh == remembered, "after \(log.map { "\($0.key)=\($0.answer)" })")
                #expect(
                    remembering.evidence(log: log, now: S.now, timeZone: S.timeZone)
                        == Interview(knowledge: S.knowledge).evidence(log: log, now: S.now, timeZone: S.timeZone))
                guard case .question(let prompt) = remembered else { break }
                // Now and then go back one answer, as `back` does.
                if !log.isEmpty && Int.random(in: 0..<8, using: &generator) == 0 {
                    log.removeLast()
                    continue
                }
                log.append(
                    LoggedAnswer(key: prompt.key, answer: Self.randomAnswer(prompt, texts: texts, using: &generator)))
            }
        }
    }

    static func randomAnswer(_ prompt: Prompt, texts: [String], using generator: inout SeededGenerator) -> String {
        let ids = prompt.options.map(\.id)
        let choices: [String] =
            switch prompt.kind {
            case .pickFindings:
                ["none", "unsure"] + ids
                    + (ids.count > 1 ? [ids.shuffled(using: &generator).prefix(2).joined(separator: ",")] : [])
            case .yesNo: ["yes", "no", "unsure"]
            case .choice: ids + ["unsure"]
            case .number: S.numberAnswers(prompt) + ["unsure"]
            case .time: ids + [S.ago(1_800), S.ago(7_500), S.ago(259_200), "unknown"]
            case .text: texts
            case .confirm: ["yes", "yes", "no", "add:" + (texts.last ?? "")]
            }
        return choices.randomElement(using: &generator) ?? "unsure"
    }
}
