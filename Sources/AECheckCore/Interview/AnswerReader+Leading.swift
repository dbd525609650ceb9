import AECheckLanguage
import Foundation

/// An answer at the start of a longer line ("none of these, it's the fizz", "5, it's just
/// a hum", "no it finished", "getting worse, slowly").
extension AnswerReader {
    /// Characters that end a word of a typed line.
    private static let separators: Set<Character> = [",", ";", ":", ".", "!", "?", "(", ")", "-", "–", "—", "/"]

    /// The ranges of the words of `text` (runs of characters that are neither space nor a separator).
    static func wordRanges(_ text: String) -> [Range<String.Index>] {
        var ranges: [Range<String.Index>] = []
        var start: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let splits = character.isWhitespace || separators.contains(character)
            if splits, let begun = start {
                ranges.append(begun..<index)
                start = nil
            } else if !splits, start == nil {
                start = index
            }
            index = text.index(after: index)
        }
        if let begun = start { ranges.append(begun..<text.endIndex) }
        return ranges
    }

    /// The longest start of `cleaned` that is a whole answer, with the rest of the line as
    /// words when they tell more; nil when no start is an answer. A refusal when the rest
    /// contradicts the start, or tells more where the prompt cannot take more words.
    func readLeading(_ cleaned: String, for prompt: Prompt, evidence: Evidence) -> Result<TypedAnswer, AnswerRefusal>? {
        let words = Self.wordRanges(cleaned)
        guard words.count >= 2 else { return nil }
        var strict = self
        strict.wholeLabelsOnly = true
        for count in stride(from: words.count - 1, through: 1, by: -1) {
            let head = String(cleaned[..<words[count - 1].upperBound])
            // A number goes on with words only after a mark ("5, it's just a hum"): "5 minutes
            // ago" or "2 weeks" is not option 5 or 2.
            let between = cleaned[words[count - 1].upperBound..<words[count].lowerBound]
            if Int(cleaned[words[count - 1]]) != nil, !between.contains(where: { Self.separators.contains($0) }) {
                continue
            }
            guard
                case .success(let answer) = strict.readWhole(
                    head, lowered: Self.lowered(head), for: prompt, evidence: evidence)
            else { continue }
            let rest = String(cleaned[words[count].lowerBound...])
            if strict.contradicts(rest, answer: answer, prompt: prompt, evidence: evidence) {
                return nil
            }
            guard tellsMore(rest, evidence: evidence) else { return .success(TypedAnswer(answer: answer)) }
            guard prompt.takesWords else { return nil }
            return .success(TypedAnswer(answer: answer, words: rest))
        }
        return nil
    }

    /// Whether the free-text reader finds a sign in `words`, or words it cannot place.
    func tellsMore(_ words: String, evidence: Evidence) -> Bool {
        !interview.understand(
            words, now: evidence.now, timeZone: evidence.timeZone, anchors: evidence.anchors,
            reporter: evidence.reporter, ongoing: evidence.infusionOngoing
        ).isEmpty
            || !interview.notUnderstood(
                words, now: evidence.now, timeZone: evidence.timeZone, reporter: evidence.reporter
            )
            .isEmpty
    }

    /// The signs of the patient's, now, that the free-text reader finds in `words`.
    func signsNamed(_ words: String, evidence: Evidence) -> Set<String> {
        Set(
            interview.understand(
                words, now: evidence.now, timeZone: evidence.timeZone, anchors: evidence.anchors,
                reporter: evidence.reporter, ongoing: evidence.infusionOngoing
            ).filter { $0.match.status == .present && !$0.match.aboutSomeoneElse && $0.match.temporality == .current }
                .map(\.match.findingID))
    }

    /// Plain yes and no words: one of them after an answer of the other kind contradicts it.
    private static let plainYes: Set<String> = ["yes", "y", "yeah", "yep", "yup"]
    private static let plainNo: Set<String> = ["no", "n", "nope", "nah"]

    /// Whether words after an answer give another answer to the same question: "not sure" after
    /// anything else, a number of the list after a list answer, the other of yes and no, or
    /// another option of a choice ("better, then worse").
    func contradicts(_ rest: String, answer: String, prompt: Prompt, evidence: Evidence) -> Bool {
        let ranges = Self.wordRanges(rest)
        let words = ranges.map { Self.lowered(String(rest[$0])) }
        // A number inside a time phrase ("it's been 2 days", "since 10:30") is no choice.
        let context = interview.timeContext(now: evidence.now, timeZone: evidence.timeZone, anchors: evidence.anchors)
        let times = TimeParser.scan(rest, context: context).map(\.range)
        let inTime = ranges.map { word in times.contains { $0.overlaps(word) } }
        for start in words.indices {
            for end in start..<min(words.count, start + 5) {
                let phrase = words[start...end].joined(separator: " ")
                let unsure = Self.unsure.contains(phrase) || everydayAnswer(phrase, ids: []) == "unsure"
                if unsure, answer != "unsure" { return true }
                switch prompt.kind {
                case .pickFindings:
                    if start == end, !inTime[start], let number = Int(phrase),
                        (1...prompt.options.count + 2).contains(number)
                    {
                        return true
                    }
                case .yesNo:
                    guard start == end else { continue }
                    if Self.plainYes.contains(phrase), answer != "yes" { return true }
                    if Self.plainNo.contains(phrase), answer != "no" { return true }
                case .choice:
                    if Int(phrase) != nil { continue }
                    if case .success(let other) = readWhole(phrase, lowered: phrase, for: prompt, evidence: evidence),
                        other != answer
                    {
                        return true
                    }
                default:
                    continue
                }
            }
        }
        return false
    }
}
